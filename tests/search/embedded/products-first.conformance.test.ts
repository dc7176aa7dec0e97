import { describeProductsFirst } from '../conformance/products-first';
import { embeddedSubject } from './embedded-subject';

describeProductsFirst('embedded', embeddedSubject);
