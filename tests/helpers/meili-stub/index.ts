export { startMeiliStub, type MeiliStub, type MeiliStubOptions, type StubViolation, type OutageMode } from './meili-stub';
export type { StubTask, FailPredicate, TaskOutcome } from './stub-tasks';
