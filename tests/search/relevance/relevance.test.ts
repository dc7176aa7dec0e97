import { embeddedSubject } from '../embedded/embedded-subject';
import type { ConformanceSubject } from '../conformance/conformance';
import { evaluate, syntheticCatalogue, type Catalogue, type RelevanceReport } from './relevance-kit';
import { heldOutSet, heldOutSet2, tuningSet } from './relevance-sets';

/** Thousands of near duplicates: sibling models of each make, every part category. */
const CATALOGUE_SIZE = 5000;
const HELD_OUT_TOP3 = 0.95;
const TUNING_TOP3 = 0.95;
const PURE_TOP5 = 1;
/**
 * The second held-out set was measured once and never tuned on: 171/181 top-3 (94.5%), 162/181
 * vehicle-first top 5. These floors keep that figure from falling; they are below the 95% goal on purpose.
 */
const HELD_OUT_2_TOP3 = 0.94;
const HELD_OUT_2_PURE_TOP5 = 0.89;

function line(name: string, r: RelevanceReport): string {
  return `${name}: ${r.cases} cases, ${r.answerable} answerable, top-3 ${r.top3}/${r.answerable} (${((100 * r.top3) / r.answerable).toFixed(1)}%), ` +
    `vehicle-only top 5 ${r.pureTop5}/${r.vehicleCases}`;
}

describe(`relevance on ${CATALOGUE_SIZE} synthetic listings (embedded engine)`, () => {
  let subject: ConformanceSubject;
  let catalogue: Catalogue;
  beforeAll(async () => {
    subject = await embeddedSubject();
    catalogue = syntheticCatalogue(CATALOGUE_SIZE);
    for (let i = 0; i < catalogue.docs.length; i += 500) await subject.load(catalogue.docs.slice(i, i + 500));
  }, 120_000);
  afterAll(async () => subject?.teardown());

  it('when the held-out set is searched, then an expected part is in the top 3 at least 95% of the time and vehicle queries show only that vehicle in the top 5', async () => {
    const cases = heldOutSet(catalogue);
    const r = await evaluate(subject.engine, catalogue, cases);
    process.stdout.write(`${line('held-out', r)}\n${r.misses.slice(0, 20).join('\n')}\n`);
    expect(r.answerable).toBeGreaterThanOrEqual(75);
    expect(r.top3 / r.answerable).toBeGreaterThanOrEqual(HELD_OUT_TOP3);
    expect(r.pureTop5 / Math.max(1, r.vehicleCases)).toBeGreaterThanOrEqual(PURE_TOP5);
  }, 120_000);

  it('when the second held-out set is searched, then its measured top-3 and vehicle-first figures do not fall', async () => {
    const r = await evaluate(subject.engine, catalogue, heldOutSet2(catalogue));
    process.stdout.write(`${line('held-out 2', r)}\n${r.misses.slice(0, 20).join('\n')}\n`);
    expect(r.answerable).toBeGreaterThanOrEqual(75);
    expect(r.top3 / r.answerable).toBeGreaterThanOrEqual(HELD_OUT_2_TOP3);
    expect(r.pureTop5 / Math.max(1, r.vehicleCases)).toBeGreaterThanOrEqual(HELD_OUT_2_PURE_TOP5);
  }, 120_000);

  it('when the tuning set is searched, then an expected part is in the top 3 at least 95% of the time and vehicle queries show only that vehicle in the top 5', async () => {
    const r = await evaluate(subject.engine, catalogue, tuningSet(catalogue));
    process.stdout.write(`${line('tuning', r)}\n${r.misses.slice(0, 20).join('\n')}\n`);
    expect(r.answerable).toBeGreaterThanOrEqual(75);
    expect(r.top3 / r.answerable).toBeGreaterThanOrEqual(TUNING_TOP3);
    expect(r.pureTop5 / Math.max(1, r.vehicleCases)).toBeGreaterThanOrEqual(PURE_TOP5);
  }, 120_000);
});
