import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs `code` in a fresh node process with the TypeScript sources loadable; returns its JSON output. */
function inFreshProcess(code: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--expose-gc', '-r', path.join(ROOT, 'tests/helpers/swc-register.js'), '-e', code], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, unknown>;
}

describe('segmenter memory', () => {
  it('when text has been cut, then jieba built its dictionary without keeping the dictionary files in memory', () => {
    const result = inFreshProcess(`
      const { cutWords } = require('./src/search/text/segmenter.ts');
      const words = cutWords('宝骏730尾灯总成');
      global.gc();
      const loaded = Object.keys(require.cache).filter((k) => k.includes('@node-rs/jieba'));
      process.stdout.write(JSON.stringify({ words, dictModule: loaded.some((k) => k.endsWith('dict.js')), externalMb: process.memoryUsage().external / 1048576 }));
    `);
    expect(result.words).toEqual(['宝骏730', '尾灯总成']);
    // @node-rs/jieba/dict reads dict.txt (5 MB) and idf.txt (6 MB) at import and keeps both buffers.
    expect(result.dictModule).toBe(false);
    expect(result.externalMb).toBeLessThan(5);
  });
});
