import fs from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { segmenterWords } from './domain-words';

let instance: Jieba | null = null;

/** High frequency so a domain word wins over the general dictionary's split (宝|骏). */
const DOMAIN_FREQ = 200000;

/**
 * Built on first use, from dict.txt read here rather than through `@node-rs/jieba/dict`: that
 * module reads dict.txt and the 6 MB idf.txt (keyword extraction, unused here) at import and
 * keeps both buffers for the life of the process. Read here, the buffer is garbage once jieba
 * has copied the entries.
 */
function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
    instance.loadDict(Buffer.from(segmenterWords().map((w) => `${w} ${DOMAIN_FREQ} n`).join('\n')));
  }
  return instance;
}

/** Words as a reader would split them; HMM off so unknown strings stay predictable across index and query. */
export function cutWords(folded: string): string[] {
  return jieba().cut(folded, false);
}

/** Words plus the dictionary words inside them (充电器 → 充电, 电器, 充电器): jieba's search mode. */
export function cutForSearch(folded: string): string[] {
  return jieba().cutForSearch(folded, false);
}
