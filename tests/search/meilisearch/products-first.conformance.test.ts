import { describeProductsFirst } from '../conformance/products-first';
import { meiliSubject } from './meili-subject';

describeProductsFirst('meilisearch', meiliSubject);
