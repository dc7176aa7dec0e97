import multer from 'multer';
import type { Request } from 'express';

/** One policy for product photos (Ghost keeps one per purpose; we have one purpose). */
export const UPLOAD_LIMITS = Object.freeze({
  maxFileBytes: 15 * 1024 * 1024,
  maxFiles: 10,
  maxFields: 24,
  maxParts: 36,
  maxFieldBytes: 4096,
  maxFieldNameBytes: 64,
  maxHeaderPairs: 200,
});

/** The whole request can never be larger than its files plus a little form data. */
export const MAX_UPLOAD_REQUEST_BYTES = UPLOAD_LIMITS.maxFiles * (UPLOAD_LIMITS.maxFileBytes + 8192) + UPLOAD_LIMITS.maxFields * 8192;

export const ACCEPTED_TYPES = Object.freeze({
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'heif',
  'image/gif': 'gif',
} as const);

export type AcceptedMime = keyof typeof ACCEPTED_TYPES;

/**
 * multer with memory storage: nothing touches the disk until an image has been decoded and
 * re-encoded, so a refused or failed upload can leave no temporary file behind. `beforeFile`
 * runs as each file part begins (fields sent before it are parsed), so a CSRF token sent as the
 * first form field is checked before any file byte is buffered.
 */
export function createImageUpload(beforeFile: (req: Request) => Error | null) {
  return multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: {
      fileSize: UPLOAD_LIMITS.maxFileBytes,
      files: UPLOAD_LIMITS.maxFiles,
      fields: UPLOAD_LIMITS.maxFields,
      parts: UPLOAD_LIMITS.maxParts,
      fieldSize: UPLOAD_LIMITS.maxFieldBytes,
      fieldNameSize: UPLOAD_LIMITS.maxFieldNameBytes,
      headerPairs: UPLOAD_LIMITS.maxHeaderPairs,
    },
    fileFilter(req, _file, cb) {
      const err = beforeFile(req);
      if (err) cb(err);
      else cb(null, true);
    },
  }).array('images', UPLOAD_LIMITS.maxFiles);
}
