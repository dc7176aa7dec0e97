import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { segmenterWords } from './domain-words';

let instance: Jieba | null = null;

/** High frequency so a domain word wins over the general dictionary's split (宝|骏). */
const DOMAIN_FREQ = 200000;

function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
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
