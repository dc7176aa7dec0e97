/** Meilisearch's asynchronous task queue: one task at a time, enqueued → processing → succeeded | failed. */

export interface TaskError {
  readonly message: string;
  readonly code: string;
  readonly type: 'internal' | 'invalid_request' | 'auth' | 'system';
  readonly link: string;
}

export class TaskFailure extends Error {
  constructor(readonly code: string, message: string, readonly type: TaskError['type'] = 'invalid_request') {
    super(message);
  }
}

export function errorBody(code: string, message: string, type: TaskError['type'] = 'invalid_request'): TaskError {
  return { message, code, type, link: `https://docs.meilisearch.com/errors#${code}` };
}

export interface StubTask {
  uid: number;
  batchUid: number | null;
  indexUid: string | null;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  type: string;
  canceledBy: number | null;
  details: Record<string, unknown>;
  error: TaskError | null;
  duration: string | null;
  enqueuedAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** What the request carried (documents, ids, settings…); for failure predicates and assertions. */
  readonly payload: unknown;
}

export type FailPredicate = (task: StubTask) => boolean;
type Runner = (task: StubTask) => void;

export class TaskQueue {
  readonly tasks: StubTask[] = [];
  private readonly runners = new Map<number, Runner>();
  private failCount = 0;
  private failPredicate: FailPredicate | null = null;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private batches = 0;

  constructor(private readonly delayMs: number) {}

  enqueue(type: string, indexUid: string | null, details: Record<string, unknown>, payload: unknown, run: Runner): StubTask {
    const task: StubTask = {
      uid: this.tasks.length,
      batchUid: null,
      indexUid,
      status: 'enqueued',
      type,
      canceledBy: null,
      details,
      error: null,
      duration: null,
      enqueuedAt: new Date().toISOString(),
      payload,
    };
    this.tasks.push(task);
    this.runners.set(task.uid, run);
    this.kick();
    return task;
  }

  /** The next `n` tasks fail, or every task the predicate selects (until replaced). */
  failNext(rule: number | FailPredicate): void {
    if (typeof rule === 'number') {
      this.failCount = rule;
      this.failPredicate = null;
    } else {
      this.failPredicate = rule;
      this.failCount = 0;
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private kick(): void {
    if (this.running || this.closed) return;
    const next = this.tasks.find((t) => t.status === 'enqueued');
    if (!next) return;
    this.running = true;
    this.timer = setTimeout(() => {
      next.status = 'processing';
      next.batchUid = this.batches++;
      next.startedAt = new Date().toISOString();
      this.timer = setTimeout(() => this.finish(next), this.delayMs);
    }, this.delayMs);
  }

  private finish(task: StubTask): void {
    const started = Date.parse(task.startedAt ?? task.enqueuedAt);
    try {
      if (this.shouldFail(task)) throw new TaskFailure('internal', 'Simulated failure injected by the test.', 'internal');
      this.runners.get(task.uid)?.(task);
      task.status = 'succeeded';
    } catch (e) {
      const f = e instanceof TaskFailure ? e : new TaskFailure('internal', String(e), 'internal');
      task.status = 'failed';
      task.error = errorBody(f.code, f.message, f.type);
    }
    this.runners.delete(task.uid);
    task.finishedAt = new Date().toISOString();
    task.duration = `PT${Math.max(0, Date.now() - started) / 1000}S`;
    this.running = false;
    this.kick();
  }

  private shouldFail(task: StubTask): boolean {
    if (this.failPredicate) return this.failPredicate(task);
    if (this.failCount > 0) {
      this.failCount--;
      return true;
    }
    return false;
  }

  /** The public view (TaskView); the payload stays inside the stub. */
  static view(task: StubTask): Record<string, unknown> {
    const { payload: _payload, ...rest } = task;
    void _payload;
    return { ...rest };
  }

  static summary(task: StubTask): Record<string, unknown> {
    return { taskUid: task.uid, indexUid: task.indexUid, status: task.status, type: task.type, enqueuedAt: task.enqueuedAt };
  }
}
