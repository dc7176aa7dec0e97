import { Meilisearch } from 'meilisearch';
import { startMeiliStub, type MeiliStub } from '../../helpers/meili-stub';
import { indexSettings } from '../../../src/search/meilisearch/index-settings';

/** The settings issue 11 adds (stopWords, typo exemptions, categoryPath) checked against the OpenAPI document by the stub. */
describe('Meilisearch stub: relevance settings', () => {
  let stub: MeiliStub;
  let client: Meilisearch;
  beforeEach(async () => {
    stub = await startMeiliStub();
    client = new Meilisearch({ host: stub.url, apiKey: stub.apiKey, defaultWaitOptions: { interval: 5 } });
    await client.createIndex('parts', { primaryKey: 'uid' }).waitTask();
  });
  afterEach(async () => stub.close());

  const patch = (body: unknown) => fetch(`${stub.url}/indexes/parts/settings`, {
    method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${stub.apiKey}` }, body: JSON.stringify(body),
  });

  it('when the adapter applies its settings, then the stub accepts them with no contract violation', async () => {
    const task = await client.index('parts').updateSettings(indexSettings({
      synonyms: { 尾灯: ['tail light'] }, stopWords: ['包邮', '专用', '款'], dictionary: ['宏光s', '哈弗'], maxTotalHits: 1000, maxValuesPerFacet: 100,
    })).waitTask();
    expect(task.status).toBe('succeeded');
    const settings = await client.index('parts').getSettings();
    expect(settings.stopWords).toEqual(expect.arrayContaining(['包邮', '专用', '款']));
    expect(settings.typoTolerance?.disableOnWords).toContain('model3');
    expect(settings.searchableAttributes).toContain('categoryPath');
    expect(stub.violations).toEqual([]);
  });

  it.each([
    ['stopWords that are not a list of strings', { stopWords: '包邮' }],
    ['synonyms that are not a map of lists', { synonyms: { 尾灯: 'tail light' } }],
    ['rankingRules that are not a list', { rankingRules: 'words' }],
  ])('when the settings carry %s, then the stub answers 400 and records the violation', async (_name, body) => {
    const res = await patch(body);
    expect(res.status).toBe(400);
    expect(stub.violations.length).toBeGreaterThan(0);
  });

  it('when a stop word is in the query, then it is left out of matching', async () => {
    const ix = client.index('parts');
    await ix.updateSettings({ stopWords: ['专用'], searchableAttributes: ['title'] }).waitTask();
    await ix.addDocuments([{ uid: 'p-1', title: '哈弗H6 中网' }, { uid: 'p-2', title: '专用 脚垫' }]).waitTask();
    const r = await ix.search('专用 中网', { matchingStrategy: 'all' });
    expect(r.hits.map((h) => h.uid)).toEqual(['p-1']);
  });
});
