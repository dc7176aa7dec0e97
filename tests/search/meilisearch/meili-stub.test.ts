import { Meilisearch } from 'meilisearch';
import { startMeiliStub, type MeiliStub } from '../../helpers/meili-stub';

describe('Meilisearch stub', () => {
  let stub: MeiliStub;
  let client: Meilisearch;

  beforeEach(async () => {
    stub = await startMeiliStub();
    client = new Meilisearch({ host: stub.url, apiKey: stub.apiKey, defaultWaitOptions: { interval: 5 } });
  });
  afterEach(async () => {
    await stub.close();
  });

  async function seed(): Promise<void> {
    const ix = client.index('parts');
    await ix
      .updateSettings({
        searchableAttributes: ['title', 'body'],
        filterableAttributes: ['category', 'price', 'makes'],
        sortableAttributes: ['price'],
        synonyms: { taillight: ['尾灯'], 尾灯: ['taillight'] },
      })
      .waitTask();
    await ix
      .addDocuments(
        [
          { uid: 'p-1', title: '宝骏730 LED尾灯总成', body: 'rear lamp', category: 'lighting', price: 168, makes: ['宝骏'] },
          { uid: 'p-2', title: 'Carbon sticker for grille', body: '车贴', category: 'stickers', price: 35, makes: ['五菱'] },
          { uid: 'p-3', title: 'Sill strip stainless', body: 'door sill', category: 'trim', price: 88, makes: ['宝骏', '五菱'] },
        ],
        { primaryKey: 'uid' },
      )
      .waitTask();
  }

  it('when a client request breaks the contract, then the stub answers 400 and records the violation', async () => {
    const res = await fetch(`${stub.url}/indexes/parts/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stub.apiKey}` },
      body: JSON.stringify({ q: 'x', hitsPerPage: 'ten' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('bad_request');
    expect(stub.violations).toHaveLength(1);
    expect(stub.violations[0].direction).toBe('request');
  });

  it('when an undocumented route or unknown settings field is used, then it is flagged', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${stub.apiKey}` };
    const a = await fetch(`${stub.url}/indexes/parts/not-a-route`, { method: 'POST', headers, body: '{}' });
    const b = await fetch(`${stub.url}/indexes/parts/settings`, { method: 'PATCH', headers, body: JSON.stringify({ rankingRulez: [] }) });
    expect([a.status, b.status]).toEqual([400, 400]);
    expect(stub.violations.map((v) => v.direction)).toEqual(['request', 'request']);
  });

  it('when documents are added and searched, then tasks settle and search has Meilisearch semantics', async () => {
    await seed();
    const ix = client.index('parts');
    const typo = await ix.search('stickr', { attributesToHighlight: ['title'], highlightPreTag: '[', highlightPostTag: ']' });
    expect(typo.hits.map((h) => h.uid)).toEqual(['p-2']);
    expect(typo.hits[0]._formatted?.title).toBe('Carbon [sticker] for grille');

    const prefix = await ix.search('stain');
    expect(prefix.hits.map((h) => h.uid)).toEqual(['p-3']);

    const synonym = await ix.search('taillight', { attributesToRetrieve: ['uid'] });
    expect(synonym.hits).toEqual([{ uid: 'p-1' }]);

    const faceted = await ix.search('', {
      filter: '(category = lighting OR category IN [trim]) AND price 50 TO 200',
      facets: ['makes'],
      sort: ['price:asc'],
      page: 1,
      hitsPerPage: 1,
    });
    expect(faceted.hits.map((h) => h.uid)).toEqual(['p-3']);
    expect(faceted.totalHits).toBe(2);
    expect(faceted.totalPages).toBe(2);
    expect(faceted.facetDistribution).toEqual({ makes: { 五菱: 1, 宝骏: 2 } });
    expect(stub.violations).toEqual([]);
  });

  it('when a filter names an attribute that is not filterable, then search fails with invalid_search_filter', async () => {
    await seed();
    await expect(client.index('parts').search('', { filter: 'title = x' })).rejects.toMatchObject({ cause: { code: 'invalid_search_filter' } });
    expect(stub.violations).toEqual([]);
  });

  it('when a document has an invalid identifier, then its whole task fails with invalid_document_id', async () => {
    await seed();
    const task = await client
      .index('parts')
      .addDocuments([{ uid: 'ok-9', title: 'fine' }, { uid: 'bad id!', title: 'broken' }], { primaryKey: 'uid' })
      .waitTask();
    expect(task.status).toBe('failed');
    expect(task.error?.code).toBe('invalid_document_id');
    expect(stub.indexes.get('parts')?.docs.has('ok-9')).toBe(false);
    expect(stub.violations).toEqual([]);
  });

  it('when the server is down, then requests fail until it comes back', async () => {
    await stub.setOutage(true, 'refused');
    await expect(client.health()).rejects.toBeDefined();
    await stub.setOutage(true, '503');
    await expect(client.health()).rejects.toBeDefined();
    await stub.setOutage(false);
    await expect(client.health()).resolves.toEqual({ status: 'available' });
  });

  it('when two indexes are swapped, then each uid serves the other documents', async () => {
    await seed();
    await client.index('parts_tmp').addDocuments([{ uid: 'n-1', title: 'new' }], { primaryKey: 'uid' }).waitTask();
    await client.swapIndexes([{ indexes: ['parts', 'parts_tmp'], rename: false }]).waitTask();
    const res = await client.index('parts').search('');
    expect(res.hits.map((h) => h.uid)).toEqual(['n-1']);
    const tasks = await client.tasks.getTasks({ types: ['indexSwap'], statuses: ['succeeded'] });
    expect(tasks.results).toHaveLength(1);
    expect(stub.violations).toEqual([]);
  });

  it('when it pretends to be an older version, then GET /version says so and fields newer than it get 400 bad_request', async () => {
    stub.setVersion('1.12.0');
    expect((await client.getVersion()).pkgVersion).toBe('1.12.0');
    await expect(client.index('parts').updateSettings({ typoTolerance: { disableOnNumbers: true } })).rejects.toMatchObject({ cause: { code: 'bad_request', type: 'invalid_request' } });
    await expect(client.swapIndexes([{ indexes: ['a', 'b'], rename: false }])).rejects.toMatchObject({ cause: { code: 'bad_request' } });
    // Fields that version knows still pass.
    await client.index('parts').updateSettings({ localizedAttributes: [{ attributePatterns: ['title'], locales: ['cmn'] }] }).waitTask();
    expect(stub.violations).toEqual([]);
  });

  it('when a task is cancelled or fails with a chosen error, then its view says so and stays within the contract', async () => {
    stub.failNextTasks(1, 'canceled');
    const canceled = await client.createIndex('parts').waitTask();
    expect(canceled.status).toBe('canceled');
    expect((await client.tasks.getTask(canceled.canceledBy!)).type).toBe('taskCancelation');
    stub.failNextTasks(1, { code: 'no_space_left_on_device', type: 'system' });
    const failed = await client.createIndex('parts').waitTask();
    expect(failed.error).toMatchObject({ code: 'no_space_left_on_device', type: 'system' });
    expect(stub.violations).toEqual([]);
  });

  it('when tasks are held, then they stay processing until released', async () => {
    stub.holdTasks((task) => task.type === 'indexCreation');
    const enqueued = await client.createIndex('parts');
    await expect(client.tasks.waitForTask(enqueued.taskUid, { timeout: 200, interval: 10 })).rejects.toThrow(/timeout/);
    expect((await client.tasks.getTask(enqueued.taskUid)).status).toBe('processing');
    stub.holdTasks(null);
    expect((await client.tasks.waitForTask(enqueued.taskUid, { interval: 5 })).status).toBe('succeeded');
    expect((await client.index('parts').getStats()).numberOfDocuments).toBe(0);
    expect(stub.violations).toEqual([]);
  });

  it('when a proxy outage is on, then answers are HTML pages the client cannot parse', async () => {
    await stub.setOutage(true, '502-html');
    const res = await fetch(`${stub.url}/health`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('text/html');
    await expect(client.health()).rejects.toBeInstanceOf(SyntaxError);
    await stub.setOutage(false);
    await expect(client.health()).resolves.toEqual({ status: 'available' });
  });

  it('when indexes are dropped behind the client, then they are simply gone', async () => {
    await seed();
    stub.dropIndexes('parts');
    await expect(client.index('parts').getStats()).rejects.toMatchObject({ cause: { code: 'index_not_found' } });
  });
});
