import { allowedTypos, Vocabulary } from '../../../src/search/text';

describe('typo tolerance', () => {
  it('when words are short, medium or long, then Meilisearch typo budgets apply', () => {
    expect(allowedTypos('kim')).toBe(0);
    expect(allowedTypos('baojn')).toBe(1);
    expect(allowedTypos('vladivostock')).toBe(2);
  });

  it('when a word has a deletion, insertion or swap, then the vocabulary finds the intended word', () => {
    const v = new Vocabulary();
    for (const w of ['vladivostok', 'putin', 'baojun', 'korean', 'korea']) v.add(w);
    expect(v.fuzzy('baojn', 1, 5).map((m) => m.word)).toEqual(['baojun']);
    expect(v.fuzzy('puttin', 1, 5).map((m) => m.word)).toEqual(['putin']);
    expect(v.fuzzy('koraen', 1, 5).map((m) => m.word)).toContain('korean');
    expect(v.fuzzy('vladivostock', 2, 5).map((m) => m.word)).toEqual(['vladivostok']);
  });

  it('when a word is too far away, then nothing is found', () => {
    const v = new Vocabulary();
    v.add('putin');
    expect(v.fuzzy('patina', 1, 5)).toEqual([]);
  });
});
