import { isCodeWord, isVehicleWord, meaningfulWords, queryIntent } from '../query-intent';
import { analyzeQuery, fold, soundalikeSpan, words as foldedWords, type QueryWord } from '../text';

/** Words read before noise and years are set aside, as the embedded engine does. */
const QUERY_WORDS_READ = 24;
/**
 * The query texts to try in order, each with matchingStrategy "all": the embedded engine's plan
 * written as text Meilisearch reads the same way. Stop words and model years are left out (the year
 * cannot rank through a text query), a Chinese homophone becomes the catalogue word (尾登 → 尾灯), a
 * code split by a space is joined (model 3 → model3, cr v → crv), and when nothing matches, words
 * that are neither vehicle nor part are dropped one by one, last first; then a model gives way to
 * its make (model3车衣 → 特斯拉 车衣).
 */
export function queryAttempts(q: string, stopWords: ReadonlySet<string>): string[] {
  const analyzed = analyzeQuery(q, QUERY_WORDS_READ);
  if (analyzed.words.length === 0) return [];
  const intent = queryIntent(analyzed.words);
  const chosen = meaningfulWords(analyzed.words, intent, stopWords);
  const units: { text: string; keep: boolean; make?: string }[] = [];
  for (let k = 0; k < chosen.length; k++) {
    const { w, i } = chosen[k];
    const next = chosen[k + 1];
    const keep = intent.vehicleWords.has(i) || intent.partWords.has(i);
    if (next && isCodePair(w, next.w)) {
      units.push({ text: w.text + next.w.text, keep: keep || intent.vehicleWords.has(next.i), make: intent.makeOf.get(i) });
      k++;
      continue;
    }
    if (w.kind === 'han') {
      const span = soundalikeSpan(chosen.map((c) => c.w), k);
      if (span) {
        units.push({ text: span.word, keep: true });
        k += span.length - 1;
        continue;
      }
    }
    units.push({ text: w.text, keep, make: intent.makeOf.get(i) });
  }
  const attempts = [units.map((u) => u.text).join(' ')];
  let left = [...units];
  for (let k = left.length - 1; k >= 0 && left.length > 1; k--) {
    if (left[k].keep) continue;
    left = left.filter((_, j) => j !== k);
    attempts.push(left.map((u) => u.text).join(' '));
  }
  if (left.some((u) => u.make && fold(u.make) !== u.text)) attempts.push(left.map((u) => (u.make ? foldedWords(u.make).join(' ') : u.text)).join(' '));
  return [...new Set(attempts)];
}

/**
 * model 3, cr v, dm i, cs75 plus: Latin/number parts meant as one code. A short code next to an
 * ordinary word (h6 air freshener, 宋l air) stays two words unless together they name a vehicle.
 */
function isCodePair(a: QueryWord, b: QueryWord): boolean {
  if (!isCodeWord(a) || !isCodeWord(b)) return false;
  if (isVehicleWord(a.text + b.text)) return true;
  const short = (w: QueryWord) => w.kind === 'digits' || w.text.length <= 2;
  return (short(a) && short(b)) || a.kind === 'digits' || b.kind === 'digits' || b.text === 'plus';
}

