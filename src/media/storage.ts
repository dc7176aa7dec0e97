import type { Readable } from 'node:stream';

export interface StoredObject {
  readonly key: string;
  readonly size: number;
  readonly contentType: string;
}

/**
 * Where uploaded and generated media live. Keys are opaque, server-chosen paths such as
 * `products/3f/3fa2…-640.webp`; nothing a client sends ever becomes part of a key.
 */
export interface MediaStorage {
  put(key: string, data: Buffer, contentType: string): Promise<StoredObject>;
  /** Opens an object for reading, or null when it does not exist. */
  open(key: string): Promise<{ stream: Readable; size: number; contentType: string } | null>;
  delete(keys: readonly string[]): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export const MEDIA_KEY = /^[a-z0-9]+(?:\/[a-z0-9]+)*\/[a-z0-9-]+\.(webp|jpg|png|avif)$/;

export const CONTENT_TYPES: Record<string, string> = {
  webp: 'image/webp',
  jpg: 'image/jpeg',
  png: 'image/png',
  avif: 'image/avif',
};
