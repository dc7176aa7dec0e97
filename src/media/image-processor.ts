import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { MediaStorage } from './storage';

/** Responsive widths; a variant is only made when the source is at least that wide. */
export const VARIANT_WIDTHS = [320, 640, 1024, 1600] as const;
export const MAX_INPUT_PIXELS = 40_000_000;

export interface ImageVariant {
  readonly width: number;
  readonly height: number;
  readonly key: string;
  readonly format: 'webp' | 'jpg';
}

export interface ProcessedImage {
  /** Base of every variant key; stored on the image row. */
  readonly baseKey: string;
  readonly width: number;
  readonly height: number;
  readonly variants: ImageVariant[];
}

export function newBaseKey(folder: string): string {
  const id = randomBytes(16).toString('hex');
  return `${folder}/${id.slice(0, 2)}/${id}`;
}

/**
 * Decodes with a pixel limit, applies EXIF orientation, drops all metadata (sharp keeps none
 * unless asked) and writes WebP variants plus one JPEG fallback. Each variant is cut from the
 * original bytes rather than from a full-size intermediate: libvips then decodes JPEGs at a
 * reduced scale (shrink-on-load) and no full-resolution re-encode is paid for. On any failure,
 * the files already written are removed before the error propagates.
 */
export async function processImage(storage: MediaStorage, input: Buffer, folder: string): Promise<ProcessedImage> {
  const base = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false }).rotate();
  const meta = await base.metadata();
  // autoOrient holds the dimensions after EXIF rotation (for animations, of one frame).
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (width <= 0 || height <= 0) throw new Error('image has no dimensions');
  const baseKey = newBaseKey(folder);
  const written: string[] = [];
  try {
    const widths: number[] = VARIANT_WIDTHS.filter((w) => w <= width);
    if (widths.length === 0 || widths[widths.length - 1] < width) widths.push(Math.min(width, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]));
    const unique = [...new Set(widths)];
    const variants: ImageVariant[] = [];
    for (const w of unique) {
      const { data, info: out } = await base.clone().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      const key = `${baseKey}-${w}.webp`;
      await storage.put(key, data, 'image/webp');
      written.push(key);
      variants.push({ width: out.width, height: out.height, key, format: 'webp' });
    }
    const fallbackWidth = Math.min(width, 1024);
    const { data: jpg, info: jpgInfo } = await base
      .clone()
      .resize({ width: fallbackWidth, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const jpgKey = `${baseKey}-${fallbackWidth}.jpg`;
    await storage.put(jpgKey, jpg, 'image/jpeg');
    written.push(jpgKey);
    variants.push({ width: jpgInfo.width, height: jpgInfo.height, key: jpgKey, format: 'jpg' });
    return { baseKey, width, height, variants };
  } catch (err) {
    await storage.delete(written);
    throw err;
  }
}

export function variantKeys(variants: readonly ImageVariant[]): string[] {
  return variants.map((v) => v.key);
}
