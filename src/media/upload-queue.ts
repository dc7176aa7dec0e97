import { BoundedQueue } from '../shared/bounded-queue';
import { AppError } from '../shared/errors';

/**
 * Uploads wait their turn instead of holding many 15 MB buffers and decoded bitmaps at once,
 * and a full queue answers 503 rather than piling up.
 */
export class UploadQueue extends BoundedQueue {
  constructor(slots: number, maxWaiting: number) {
    super(slots, maxWaiting, () => new AppError(503, 'upload_busy', '上传繁忙，请稍后再试'));
  }
}
