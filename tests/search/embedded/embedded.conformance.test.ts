import { describeConformance } from '../conformance/conformance';
import { embeddedSubject } from './embedded-subject';

describeConformance('embedded', embeddedSubject);
import { describeAutoPartsConformance } from '../conformance/auto-parts-conformance';

describeAutoPartsConformance('embedded', embeddedSubject);
