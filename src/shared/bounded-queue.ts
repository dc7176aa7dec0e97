import type { AppError } from './errors';

/**
 * A counting semaphore with a bounded queue: work waits its turn instead of piling up, and a
 * full queue refuses at once (the caller's AppError, usually a 503) rather than growing.
 */
export class BoundedQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly maxWaiting: number,
    private readonly busyError: () => AppError,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  async acquire(): Promise<void> {
    if (this.active < this.slots) {
      this.active += 1;
      return;
    }
    if (this.waiting.length >= this.maxWaiting) throw this.busyError();
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `active` only drops when nobody waits.
    if (next) next();
    else this.active -= 1;
  }

  get pending(): number {
    return this.active + this.waiting.length;
  }
}
