import { AppError } from '../shared/errors';
import { processImage, variantKeys, type ProcessedImage } from './image-processor';
import type { MediaStorage } from './storage';
import { UploadQueue } from './upload-queue';
import { inspectUpload, UploadRejectedError, type InspectedUpload } from './upload-validator';

export interface IncomingFile {
  readonly buffer: Buffer;
  readonly originalname: string;
}

export interface StoredUpload {
  readonly inspected: InspectedUpload;
  readonly image: ProcessedImage;
}

/**
 * libvips already spreads one image over every core, so images are decoded one at a time per
 * process; a few more wait in line and the rest are told to come back (503).
 */
export const imageProcessingQueue = new UploadQueue(1, 32);

/**
 * All or nothing: every file is inspected before any is decoded, and if one fails to process
 * the files already written for the others are removed before the error propagates.
 */
export async function storeUploads(storage: MediaStorage, files: readonly IncomingFile[], folder = 'products'): Promise<StoredUpload[]> {
  const inspected: InspectedUpload[] = [];
  for (const f of files) inspected.push(await inspectUpload(f.buffer, f.originalname));
  const stored: StoredUpload[] = [];
  try {
    for (const [i, f] of files.entries()) {
      const image = await imageProcessingQueue.run(async () => {
        try {
          return await processImage(storage, f.buffer, folder);
        } catch (err) {
          // Storage failures (ENOSPC, EACCES…) are ours, not the file's: they stay 500s.
          if (err instanceof AppError || (err as NodeJS.ErrnoException).code) throw err;
          throw new UploadRejectedError(400, 'upload_unreadable', '图片已损坏或无法读取', inspected[i].originalName);
        }
      });
      stored.push({ inspected: inspected[i], image });
    }
    return stored;
  } catch (err) {
    await discardUploads(storage, stored);
    throw err;
  }
}

export async function discardUploads(storage: MediaStorage, stored: readonly StoredUpload[]): Promise<void> {
  await storage.delete(stored.flatMap((s) => variantKeys(s.image.variants)));
}
