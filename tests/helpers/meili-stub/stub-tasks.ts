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

/**
 * How an injected fault ends a task: a task error (the default is Meilisearch's `internal` error;
 * `no_space_left_on_device` and `database_size_limit_reached` are `system`, a bad document is
 * `invalid_request`), or `canceled` as if an operator had cancelled it (POST /tasks/cancel).
 */
export type TaskOutcome = { readonly code: string; readonly type: TaskError['type']; readonly message?: string } | 'canceled';

export const INTERNAL_FAILURE: TaskOutcome = { code: 'internal', type: 'internal', message: 'Simulated failure injected by the test.' };

export class TaskQueue {
  readonly tasks: StubTask[] = [];
  private readonly runners = new Map<number, Runner>();
  private failCount = 0;
  private failPredicate: FailPredicate | null = null;
  private failOutcome: TaskOutcome = INTERNAL_FAILURE;
  /** Tasks it selects stay `processing` (a slow task) until the hold is lifted; the queue waits behind them. */
  private holdPredicate: FailPredicate | null = null;
  private held: StubTask | null = null;
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
  failNext(rule: number | FailPredicate, outcome: TaskOutcome = INTERNAL_FAILURE): void {
    this.failOutcome = outcome;
    if (typeof rule === 'number') {
      this.failCount = rule;
      this.failPredicate = null;
    } else {
      this.failPredicate = rule;
      this.failCount = 0;
    }
  }

  /** Selected tasks stay `processing` until `hold(null)`; then the held one finishes and the queue moves on. */
  hold(rule: FailPredicate | null): void {
    this.holdPredicate = rule;
    if (!rule && this.held) {
      const task = this.held;
      this.held = null;
      this.finish(task);
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
      this.timer = setTimeout(() => {
        if (this.holdPredicate?.(next)) this.held = next;
        else this.finish(next);
      }, this.delayMs);
    }, this.delayMs);
  }

  private finish(task: StubTask): void {
    const started = Date.parse(task.startedAt ?? task.enqueuedAt);
    try {
      if (this.shouldFail(task)) {
        const outcome = this.failOutcome;
        if (outcome === 'canceled') this.cancel(task);
        else throw new TaskFailure(outcome.code, outcome.message ?? `Simulated ${outcome.code} injected by the test.`, outcome.type);
      } else {
        this.runners.get(task.uid)?.(task);
        task.status = 'succeeded';
      }
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

  /** As POST /tasks/cancel does: a succeeded `taskCancelation` task, and the task `canceled` by it. */
  private cancel(task: StubTask): void {
    const now = new Date().toISOString();
    const canceler: StubTask = {
      uid: this.tasks.length,
      batchUid: this.batches++,
      indexUid: null,
      status: 'succeeded',
      type: 'taskCancelation',
      canceledBy: null,
      details: { matchedTasks: 1, canceledTasks: 1, originalFilter: `?uids=${task.uid}` },
      error: null,
      duration: 'PT0S',
      enqueuedAt: now,
      startedAt: now,
      finishedAt: now,
      payload: null,
    };
    this.tasks.push(canceler);
    task.status = 'canceled';
    task.canceledBy = canceler.uid;
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
