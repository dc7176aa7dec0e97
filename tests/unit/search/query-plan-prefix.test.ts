import { analyzeQuery, Vocabulary } from '../../../src/search/text';
import { buildSynonymIndex, MAX_PREFIX_TERMS, planQuery, prefixWords } from '../../../src/search/embedded/query-plan';

/** As the engine does: the index terms each prefix word starts, read before planning. */
function plan(q: string, terms: readonly string[] | null) {
  const analyzed = analyzeQuery(q, 24);
  const known = new Map<string, readonly string[] | null>();
  if (terms) {
    for (const w of prefixWords(analyzed)) {
      const found = terms.filter((t) => t.startsWith(w));
      known.set(w, found.length > MAX_PREFIX_TERMS ? null : found);
    }
  }
  return planQuery(analyzed, { synonyms: buildSynonymIndex([]), stopWords: new Set(), vocabulary: new Vocabulary(), complete: (w) => known.get(w) ?? null });
}

describe('the word being typed, completed from the index terms', () => {
  it('when the index has a few terms starting with it, then they are named instead of an FTS5 prefix scan', () => {
    const [slot] = plan('gl', ['gl8', 'gl8seat', 'glass']).slots;
    expect(slot.exact).toEqual(expect.arrayContaining(['"gl"', '"gl8"', '"gl8seat"', '"glass"']));
    expect(slot.exact.some((e) => e.endsWith('*'))).toBe(false);
    // Highlighting still treats it as a prefix.
    expect(slot.prefixes).toEqual(['gl']);
  });

  it('when more terms start with it than are worth naming, then FTS5 scans for the prefix', () => {
    const many = Array.from({ length: 80 }, (_, i) => `ba${String.fromCharCode(97 + (i % 26))}${i}`);
    expect(plan('ba', many).slots[0].exact).toContain('"ba"*');
  });

  it('when the word is a bare number, no term is known to start it or none were read, then FTS5 scans for the prefix', () => {
    expect(plan('73', ['730', '7300']).slots[0].exact).toContain('"73"*');
    expect(plan('zq', ['gl8']).slots[0].exact).toContain('"zq"*');
    expect(plan('gl', null).slots[0].exact).toContain('"gl"*');
  });

  it('when a code is typed as two words, then both the last word and the joined code are completed', () => {
    expect(prefixWords(analyzeQuery('model 3', 24))).toEqual(['3', 'model3'].filter((w) => !/^\d+$/.test(w)));
    const exact = plan('model 3', ['model3', 'model3led']).slots[0].exact;
    expect(exact).toEqual(expect.arrayContaining(['"model3"', '"model3led"']));
  });

  it('when the word is not the last one, then it is not completed at all', () => {
    const slots = plan('gl 尾灯', ['gl8']).slots;
    expect(slots[0].exact).toEqual(['"gl"']);
  });
});
