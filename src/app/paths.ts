import fs from 'node:fs';
import path from 'node:path';

/** The project root, whether running from src/ (jest) or dist/src/ (compiled). */
export function projectRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'views'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}
