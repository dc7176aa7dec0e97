import { describeConformance } from '../conformance/conformance';
import { embeddedSubject } from './embedded-subject';

describeConformance('embedded', embeddedSubject);
