export { OutboxStore, type OutboxRow, type OutboxLag, type OutboxOp } from './outbox-store';
export { OutboxWorker, DeliveryRejected, DeliveryPending, DEFAULT_WORKER_OPTIONS, type OutboxSink, type OutboxWorkerOptions, type DrainReport } from './outbox-worker';
