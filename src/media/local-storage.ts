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

  /**
   * Removes the objects and any temp file a writer killed between write and rename left beside
   * them (`<file>.<random>.tmp`): after a crash, deleting a key must leave nothing of it behind.
   */
  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(
      keys.filter((k) => MEDIA_KEY.test(k)).map(async (k) => {
        const file = path.join(this.root, k);
        await fsp.rm(file, { force: true });
        const prefix = `${path.basename(file)}.`;
        const siblings = await fsp.readdir(path.dirname(file)).catch(() => [] as string[]);
        await Promise.all(siblings.filter((f) => f.startsWith(prefix) && f.endsWith('.tmp')).map((f) => fsp.rm(path.join(path.dirname(file), f), { force: true })));
      }),
    );
  }

  async exists(key: string): Promise<boolean> {
    if (!MEDIA_KEY.test(key)) return false;
    return fs.existsSync(path.join(this.root, key));
  }
}
