import { embeddedSubject } from './embedded-subject';
import { FIXTURE_DOCUMENTS } from '../../fixtures/search-documents';

describe('embedded index built by an older analyzer', () => {
  it('when the index has no analyzer version, then prepare rebuilds it once and records the version', async () => {
    const s = await embeddedSubject();
    try {
      await s.load(FIXTURE_DOCUMENTS);
      // An index written before model codes were whole words: h6 was never a term.
      await s.db.raw(`INSERT INTO search_fts(search_fts) VALUES ('delete-all')`);
      await s.db('search_index_meta').delete();
      expect((await s.engine.search({ q: '哈弗h6', type: 'all', sort: 'relevance', page: 1, perPage: 5 })).totalHits).toBe(0);
      await s.engine.prepare?.();
      expect((await s.engine.search({ q: '哈弗h6', type: 'all', sort: 'relevance', page: 1, perPage: 5 })).totalHits).toBeGreaterThan(0);
      const row = await s.db('search_index_meta').where({ name: 'analyzer' }).first('value');
      expect(row?.value).toEqual(expect.any(String));
      const before = await s.db('search_docs').max({ m: 'doc' }).first();
      await s.engine.prepare?.();
      expect(await s.db('search_docs').max({ m: 'doc' }).first()).toEqual(before);
    } finally {
      await s.teardown();
    }
  });
});
