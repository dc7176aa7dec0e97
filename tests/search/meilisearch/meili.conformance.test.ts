import { describeConformance } from '../conformance/conformance';
import { meiliSubject } from './meili-subject';

/** The shared conformance suite, run through the Meilisearch adapter, its outbox and the stub. */
describeConformance('meilisearch', meiliSubject);
