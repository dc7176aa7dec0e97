import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalMediaStorage } from '../../../src/media/local-storage';

describe('local media storage', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-storage-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('when a writer was killed between writing its temp file and the rename, then deleting the key removes the temp file too', async () => {
    const storage = new LocalMediaStorage(root);
    await storage.put('products/ab/abc-640.webp', Buffer.from('kept'), 'image/webp');
    // What a process killed by SIGKILL inside put() leaves: the temp file, never renamed.
    const dir = path.join(root, 'products/ab');
    fs.writeFileSync(path.join(dir, 'abc-1280.webp.0a1b2c3d4e5f.tmp'), 'half');
    fs.writeFileSync(path.join(dir, 'other-1280.webp.0a1b2c3d4e5f.tmp'), 'not ours');

    await storage.delete(['products/ab/abc-640.webp', 'products/ab/abc-1280.webp']);

    expect(fs.readdirSync(dir).sort()).toEqual(['other-1280.webp.0a1b2c3d4e5f.tmp']);
  });

  it('when a key was never written, then deleting it is a no-op', async () => {
    const storage = new LocalMediaStorage(root);
    await expect(storage.delete(['products/zz/none-640.webp'])).resolves.toBeUndefined();
  });
});
