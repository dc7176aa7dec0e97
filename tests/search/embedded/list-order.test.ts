import { newestFirst } from '../../../src/search/embedded/text-ranker';

describe('lists of matching documents', () => {
  it('when SQLite hands the rows over newest first, then the list is kept as it is', () => {
    const docs = [9, 7, 3, 2];
    expect(newestFirst(docs)).toBe(docs);
    expect(docs).toEqual([9, 7, 3, 2]);
  });

  it('when the rows come in another order (SQLite does not promise an aggregate its order), then they are sorted newest first', () => {
    expect(newestFirst([3, 9, 2, 7])).toEqual([9, 7, 3, 2]);
    expect(newestFirst([1, 2])).toEqual([2, 1]);
    expect(newestFirst([])).toEqual([]);
  });
});
