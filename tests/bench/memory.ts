/**
 * What the text dictionaries cost, measured in a fresh node process per dictionary (RSS and heap
 * before and after loading it), so the bench can print where the serving process's memory goes.
 * Each loader keeps what it built reachable (globalThis), as the app does; otherwise the GC before
 * the second reading would free it and the figure would show only what was left behind.
 */
import { execFileSync } from 'node:child_process';
import { table } from './harness';

const LOADERS: Record<string, string> = {
  // As src/search/text/segmenter.ts loads it: dict.txt only (`@node-rs/jieba/dict` also reads the 6 MB idf.txt).
  'jieba (dictionary + segmenter)': "const { Jieba } = require('@node-rs/jieba'); globalThis.j = Jieba.withDict(require('fs').readFileSync(require.resolve('@node-rs/jieba/dict.txt'))); j.cut('宝骏730尾灯', false);",
  'OpenCC t→cn converter (search)': "globalThis.c = require('opencc-js/t2cn').Converter({ from: 't', to: 'cn' }); c('尾燈');",
  'OpenCC tw→cn converter (fitment titles)': "globalThis.c = require('opencc-js/t2cn').Converter({ from: 'tw', to: 'cn' }); c('尾燈');",
  'pinyin-pro': "globalThis.p = require('pinyin-pro'); p.pinyin('宝骏', { toneType: 'none', type: 'array' });",
};

const PROBE = (code: string) => `
const m = () => { global.gc(); const u = process.memoryUsage(); return { rss: u.rss, heap: u.heapUsed + u.external }; };
const a = m(); ${code} const b = m();
process.stdout.write(JSON.stringify({ rss: (b.rss - a.rss) / 1048576, heap: (b.heap - a.heap) / 1048576 }));`;

export function dictionaryCosts(root: string): { name: string; rssMb: number; heapMb: number }[] {
  return Object.entries(LOADERS).map(([name, code]) => {
    const out = execFileSync(process.execPath, ['--expose-gc', '-e', PROBE(code)], { cwd: root, encoding: 'utf8' });
    const { rss, heap } = JSON.parse(out) as { rss: number; heap: number };
    return { name, rssMb: rss, heapMb: heap };
  });
}

/** The dictionaries as a table: what each adds to a process that loads it. */
export function formatDictionaryCosts(costs: { name: string; rssMb: number; heapMb: number }[]): string {
  return table([['dictionary (loaded on first use)', 'RSS MB', 'JS heap + external MB'], ...costs.map((c) => [c.name, c.rssMb.toFixed(1), c.heapMb.toFixed(1)])]);
}
