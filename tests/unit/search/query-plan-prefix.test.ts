import { analyzeQuery, Vocabulary } from '../../../src/search/text';
import { buildSynonymIndex, planQuery } from '../../../src/search/embedded/query-plan';

function plan(q: string, terms: readonly string[] | null) {
  let prefixTerms: Vocabulary | undefined;
  if (terms) {
    prefixTerms = new Vocabulary();
    for (const t of terms) prefixTerms.add(t);
  }
  return planQuery(analyzeQuery(q, 24), { synonyms: buildSynonymIndex([]), stopWords: new Set(), vocabulary: new Vocabulary(), prefixTerms });
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

  it('when the word is a bare number or no vocabulary is given, then FTS5 scans for the prefix', () => {
    expect(plan('73', ['730', '7300']).slots[0].exact).toContain('"73"*');
    expect(plan('gl', null).slots[0].exact).toContain('"gl"*');
  });

  it('when the word is not the last one, then it is not completed at all', () => {
    const slots = plan('gl 尾灯', ['gl8']).slots;
    expect(slots[0].exact).toEqual(['"gl"']);
  });
});
