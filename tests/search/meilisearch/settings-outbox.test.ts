import { loadStopWords, saveStopWords, saveSynonymGroups } from '../../../src/search/search-settings';
import { loadSynonymGroups, loadSynonyms } from '../../../src/search/synonyms';
import { makeEngine, outboxRows, product, useStubRig } from './meili-kit';

/**
 * Issue 11 item 10: an admin's synonym or stop-word edit reaches Meilisearch through the outbox,
 * written in the edit's transaction, so a save made while Meilisearch is down is not lost.
 */
describe('Meilisearch settings through the outbox', () => {
  const rig = useStubRig();
  const liveSettings = () => rig.stub.indexes.get(rig.engine.indexUid)?.settings as { synonyms: Record<string, string[]>; stopWords: string[] } | undefined;
  const settingsPatches = () => rig.stub.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/settings'));

  beforeEach(() => {
    // This engine reads the word lists from the database, as the app's does.
    rig.engine = makeEngine(rig.stub, rig.t.db, rig.catalogue, { loadSynonyms: () => loadSynonyms(rig.t.db), loadStopWords: () => loadStopWords(rig.t.db) });
  });

  it('when a save commits, then its settings row is in the outbox, and the worker sends the new list before documents and clears the row', async () => {
    await rig.engine.ensureSettings();
    const groups = [...(await loadSynonymGroups(rig.t.db)), ['尾灯', 'qpzxlamp']];
    await saveSynonymGroups(rig.t.db, groups, (trx) => rig.engine.settingsChanged(trx));
    await rig.commit([product(1)]);
    expect((await outboxRows(rig.t.db)).map((r) => r.op)).toEqual(['settings', 'upsert']);

    expect((await rig.engine.drain()).status).toBe('delivered');
    expect(await outboxRows(rig.t.db)).toEqual([]);
    expect(liveSettings()?.synonyms.qpzxlamp).toContain('尾灯');
    const patch = settingsPatches().at(-1)!;
    const addition = rig.stub.requests.findIndex((r) => r.method === 'POST' && r.path.endsWith('/documents'));
    expect(rig.stub.requests.indexOf(patch)).toBeLessThan(addition);
  });

  it('when Meilisearch is down at save time, then the save stands, the row waits without being charged, and the settings arrive once it is back', async () => {
    await rig.engine.ensureSettings();
    await rig.stub.setOutage(true, 'refused');
    await saveStopWords(rig.t.db, ['包邮', 'qpzxnoise'], (trx) => rig.engine.settingsChanged(trx));
    await expect(rig.engine.refreshSettings()).rejects.toThrow();
    for (let i = 0; i < 3; i++) expect((await rig.engine.drain()).status).toBe('unavailable');
    expect((await outboxRows(rig.t.db)).map((r) => [r.op, r.attempts, Boolean(r.dead)])).toEqual([['settings', 0, false]]);
    expect((await rig.engine.health()).outboxLag).toBe(1);

    await rig.stub.setOutage(false);
    expect((await rig.engine.drain()).status).toBe('delivered');
    expect(liveSettings()?.stopWords).toEqual(expect.arrayContaining(['包邮', 'qpzxnoise']));
    expect(await outboxRows(rig.t.db)).toEqual([]);
  });

  it('when the admin route applies the settings at once, then the rows written before are covered and not sent a second time', async () => {
    await rig.engine.ensureSettings();
    await saveStopWords(rig.t.db, ['qpzxonce'], (trx) => rig.engine.settingsChanged(trx));
    const before = settingsPatches().length;
    await rig.engine.refreshSettings();
    expect(settingsPatches()).toHaveLength(before + 1);
    expect(await outboxRows(rig.t.db)).toEqual([]);
    expect((await rig.engine.drain()).status).toBe('idle');
    expect(settingsPatches()).toHaveLength(before + 1);
    expect(liveSettings()?.stopWords).toEqual(['qpzxonce']);
  });

  it('when the server refuses the new settings, then the row is consumed (resending cannot help), the refusal shows in health, and the next edit is sent', async () => {
    await rig.engine.ensureSettings();
    rig.stub.failNextTasks((task) => task.type === 'settingsUpdate', { code: 'invalid_settings_stop_words', type: 'invalid_request' });
    await saveStopWords(rig.t.db, ['qpzxrefused'], (trx) => rig.engine.settingsChanged(trx));
    await rig.engine.drain();
    expect((await outboxRows(rig.t.db)).filter((r) => r.op === 'settings')).toEqual([]);
    expect((await rig.engine.health()).detail).toContain('invalid_settings_stop_words');

    rig.stub.failNextTasks(0);
    await saveStopWords(rig.t.db, ['qpzxaccepted'], (trx) => rig.engine.settingsChanged(trx));
    await rig.commit([product(2)]);
    expect((await rig.engine.drain()).status).toBe('delivered');
    expect(liveSettings()?.stopWords).toEqual(['qpzxaccepted']);
    expect((await rig.engine.health()).ok).toBe(true);
    expect(await outboxRows(rig.t.db)).toEqual([]);
  });
});
