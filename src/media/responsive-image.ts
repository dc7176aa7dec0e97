/** One stored rendition of an image, as processImage records it. */
export interface StoredVariant {
  readonly width: number;
  readonly height: number;
  readonly key: string;
  readonly format: 'webp' | 'jpg';
}

export interface ResponsiveImage {
  src: string;
  srcset: string;
  fallback: string;
  width: number;
  height: number;
}

export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

/**
 * What an <img>/<picture> needs from a set of variants: a WebP srcset, a JPEG fallback, and the
 * intrinsic size of the rendition closest to `preferWidth` (so layout never shifts).
 */
export function responsiveImage(variants: readonly StoredVariant[], preferWidth: number): ResponsiveImage | null {
  const webp = variants.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width);
  if (webp.length === 0) return null;
  const jpg = variants.find((v) => v.format === 'jpg');
  const main = webp.find((v) => v.width >= preferWidth) ?? webp[webp.length - 1];
  return {
    src: mediaUrl(main.key),
    srcset: webp.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(', '),
    fallback: mediaUrl((jpg ?? main).key),
    width: main.width,
    height: main.height,
  };
}

/** The smallest WebP rendition, for thumbnails in suggestions and search hits. */
export function thumbnailUrl(variants: readonly StoredVariant[]): string | null {
  const smallest = variants.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width)[0];
  return smallest ? mediaUrl(smallest.key) : null;
}

/** Variants as stored in a text column; anything unreadable counts as no image. */
export function parseVariants(json: string): StoredVariant[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as StoredVariant[]) : [];
  } catch {
    return [];
  }
}
