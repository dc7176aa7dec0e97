import { AppError } from '../shared/errors';

/**
 * A counting semaphore with a bounded queue: uploads wait their turn instead of holding many
 * 15 MB buffers and decoded bitmaps at once, and a full queue answers 503 rather than piling up.
 */
export class UploadQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly slots: number, private readonly maxWaiting: number) {}

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
    if (this.waiting.length >= this.maxWaiting) throw new AppError(503, 'upload_busy', '上传繁忙，请稍后再试');
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
