import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type/core';
import { AppError } from '../shared/errors';
import { MAX_INPUT_PIXELS } from './image-processor';
import { ACCEPTED_TYPES, type AcceptedMime } from './upload-policy';

export class UploadRejectedError extends AppError {
  constructor(status: 400 | 413 | 415, code: string, message: string, readonly fileName?: string) {
    super(status, code, message, fileName ? { file: fileName } : undefined);
  }
}

export interface InspectedUpload {
  readonly mime: AcceptedMime;
  readonly width: number;
  readonly height: number;
  readonly originalName: string;
}

// C0/C1 controls and the bidi overrides that make `gpj.exe` look like `exe.jpg`.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/;

/**
 * The client's filename is kept only as data (shown escaped in the admin). Anything that
 * hides its real shape is refused; directories are dropped.
 */
export function sanitiseOriginalName(name: string): string {
  if (UNSAFE_NAME_CHARS.test(name)) throw new UploadRejectedError(400, 'upload_bad_filename', '文件名包含控制字符');
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/^\.+/, '').trim().slice(0, 200);
  return cleaned || 'image';
}

/**
 * Byte sequences that only markup or script would contain. An image's compressed data could
 * hold any 7+ character sequence by chance only about once in 10^14 positions, so a hit means
 * something was smuggled in (an HTML/JS payload appended to or embedded in the image). The
 * original bytes are never stored or served either way: this is a second line behind the
 * decode-and-re-encode, which drops trailing payloads and metadata.
 */
const MARKUP_SIGNATURES = ['<script', '<iframe', '<!doctype', '<object', '<embed', '<html>', '<html ', '<body>', '<body ', '<?php', 'javascript:', 'onerror=', 'onload='];

function containsMarkup(data: Buffer): boolean {
  // latin1 maps bytes 1:1 to code units, so the search is over the raw bytes.
  const text = data.toString('latin1').toLowerCase();
  return MARKUP_SIGNATURES.some((sig) => text.includes(sig));
}

/**
 * Decides what a file is from its bytes (never the name or the claimed type), confirms it with
 * sharp's own reading of the header, and refuses pixel floods before anything is decoded.
 */
export async function inspectUpload(data: Buffer, claimedName: string): Promise<InspectedUpload> {
  const originalName = sanitiseOriginalName(claimedName);
  if (data.length === 0) throw new UploadRejectedError(400, 'upload_empty', '文件是空的', originalName);
  const sniffed = await fileTypeFromBuffer(data);
  const mime = sniffed?.mime as string | undefined;
  if (!mime || !(mime in ACCEPTED_TYPES)) {
    throw new UploadRejectedError(415, 'upload_type_not_allowed', '只接受 JPEG、PNG、WebP、AVIF 或 GIF 图片', originalName);
  }
  if (containsMarkup(data)) throw new UploadRejectedError(400, 'upload_polyglot', '图片中夹带了网页或脚本内容', originalName);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw new UploadRejectedError(400, 'upload_unreadable', '图片已损坏或无法读取', originalName);
  }
  if (meta.format !== ACCEPTED_TYPES[mime as AcceptedMime]) {
    throw new UploadRejectedError(400, 'upload_type_mismatch', '图片内容与其格式不符', originalName);
  }
  // For animations only the first frame is used, so a frame's size is what counts.
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width <= 0 || height <= 0) throw new UploadRejectedError(400, 'upload_unreadable', '图片已损坏或无法读取', originalName);
  if (width * height > MAX_INPUT_PIXELS || width > 16_383 || height > 16_383) {
    throw new UploadRejectedError(413, 'image_too_many_pixels', '图片尺寸过大（最多 4000 万像素）', originalName);
  }
  return { mime: mime as AcceptedMime, width, height, originalName };
}
