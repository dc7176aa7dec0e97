import { UploadQueue } from '../../../src/media/upload-queue';

describe('upload queue', () => {
  it('when more work arrives than there are slots, then it runs in turn and never more than the slots at once', async () => {
    const queue = new UploadQueue(2, 10);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const gates: (() => void)[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) =>
      queue.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => gates.push(resolve));
        order.push(i);
        running -= 1;
      }),
    );
    while (order.length < 6) {
      await new Promise((r) => setImmediate(r));
      gates.shift()?.();
    }
    await Promise.all(jobs);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(queue.pending).toBe(0);
  });

  it('when the waiting line is full, then the next caller is told 503 upload_busy instead of queueing', async () => {
    const queue = new UploadQueue(1, 1);
    let release!: () => void;
    const first = queue.run(() => new Promise<void>((r) => (release = r)));
    const second = queue.run(async () => 'second');
    await expect(queue.run(async () => 'third')).rejects.toMatchObject({ status: 503, code: 'upload_busy' });
    release();
    await first;
    expect(await second).toBe('second');
  });

  it('when work throws, then its slot is released for the next one', async () => {
    const queue = new UploadQueue(1, 5);
    await expect(queue.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await queue.run(async () => 42)).toBe(42);
    expect(queue.pending).toBe(0);
  });
});
