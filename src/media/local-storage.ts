import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CONTENT_TYPES, MEDIA_KEY, type MediaStorage, type StoredObject } from './storage';

/** Files under DATA_DIR/media, written atomically (temp file + rename) so readers never see half a file. */
export class LocalMediaStorage implements MediaStorage {
  constructor(private readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
  }

  private pathOf(key: string): string {
    if (!MEDIA_KEY.test(key)) throw new Error(`invalid media key: ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, data: Buffer, contentType: string): Promise<StoredObject> {
    const file = this.pathOf(key);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fsp.writeFile(tmp, data, { flag: 'wx' });
      await fsp.rename(tmp, file);
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
    return { key, size: data.length, contentType };
  }

  async open(key: string) {
    if (!MEDIA_KEY.test(key)) return null;
    const file = path.join(this.root, key);
    try {
      const stat = await fsp.stat(file);
      if (!stat.isFile()) return null;
      const ext = key.slice(key.lastIndexOf('.') + 1);
      return { stream: fs.createReadStream(file), size: stat.size, contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream' };
    } catch {
      return null;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.filter((k) => MEDIA_KEY.test(k)).map((k) => fsp.rm(path.join(this.root, k), { force: true })));
  }

  async exists(key: string): Promise<boolean> {
    if (!MEDIA_KEY.test(key)) return false;
    return fs.existsSync(path.join(this.root, key));
  }
}
