import type { Knex } from 'knex';
import { createFitmentShop, parseTitle, seedVehicles, vehicleCatalog } from '../../../src/fitment';
import { migrateLatest } from '../../../src/db/migrate';
import { createTestDb, type TestDb } from '../../helpers/test-db';

describe('the vehicle reference data', () => {
  const catalog = vehicleCatalog();

  it('when the catalogue is built, then it covers at least 60 makes with unique slugs and sane years and generations', () => {
    expect(catalog.makes.length).toBeGreaterThanOrEqual(60);
    expect(new Set(catalog.makes.map((m) => m.slug)).size).toBe(catalog.makes.length);
    expect(new Set(catalog.makes.map((m) => m.name)).size).toBe(catalog.makes.length);
    const problems: string[] = [];
    for (const make of catalog.makes) {
      if (new Set(make.models.map((m) => m.slug)).size !== make.models.length) problems.push(`${make.name}: duplicate model slug`);
      for (const m of make.models) {
        if (m.slug.length > 80 || m.name.length > 80) problems.push(`${make.name} ${m.name}: too long for the table`);
        if (m.yearTo !== null && m.yearTo < m.yearFrom) problems.push(`${make.name} ${m.name}: years reversed`);
        const gens = [...m.generations].sort((a, b) => a.yearFrom - b.yearFrom);
        gens.forEach((g, i) => {
          if (g.yearFrom < m.yearFrom || (m.yearTo !== null && (g.yearTo === null || g.yearTo > m.yearTo))) problems.push(`${make.name} ${m.name} gen ${g.n}: outside the model's years`);
          const next = gens[i + 1];
          if (next && (g.yearTo === null || g.yearTo >= next.yearFrom)) problems.push(`${make.name} ${m.name} gen ${g.n}: overlaps gen ${next.n}`);
        });
      }
    }
    expect(problems).toEqual([]);
  });

  it('when the makes the old catalogue lacked are looked up, then they are there with their models and generations', () => {
    const model = (make: string, name: string) => catalog.findModel(catalog.makeByName(make)!, name);
    expect(model('红旗', 'H9')).toBeDefined();
    expect(model('福特', '锐界')?.manufacturer).toBe('长安福特');
    expect(model('宝马', 'X5')?.generations.find((g) => g.codes?.includes('G05'))).toMatchObject({ yearFrom: 2019, yearTo: null });
    expect(model('本田', 'CR-V')?.generations.find((g) => g.n === 6)).toMatchObject({ yearFrom: 2023 });
  });

  it('when a generation or a chassis code is named, then the parser gives that generation\'s years and keeps sub-models apart', () => {
    const keys = (title: string) => parseTitle(title).vehicles.map((v) => `${v.make}|${v.model}|${v.yearFrom ?? '-'}|${v.yearTo ?? '-'}`);
    expect(keys('第三代哈弗H6 脚垫')).toEqual(['哈弗|H6|2021|-']);
    expect(keys('宝马X5 G05 脚垫')).toEqual(['宝马|X5|2019|-']);
    expect(keys('吉利帝豪GL 脚垫')).toEqual(['吉利|帝豪GL|-|-']);
    expect(keys('哈弗H6 Coupe 尾翼')).toEqual(['哈弗|H6 Coupe|-|-']);
    // A chassis code glued to other letters or digits is not a code.
    expect(keys('宝马X5 G055 脚垫')).toEqual(['宝马|X5|-|-']);
  });
});

describe('vehicle tables on an existing database', () => {
  let t: TestDb;
  let db: Knex;
  beforeAll(async () => {
    t = await createTestDb();
    db = t.db;
    await migrateLatest(db);
    await seedVehicles(db);
  });
  afterAll(async () => t.close());

  it('when the database was seeded from older data, then start-up adds the new makes and models, fixes changed years and keeps ids', async () => {
    const hongqi = await db('vehicle_makes').where({ slug: 'hongqi' }).first('id');
    await db('vehicle_models').where({ make_id: hongqi.id }).delete();
    await db('vehicle_makes').where({ id: hongqi.id }).delete();
    const civic = await db('vehicle_models').where({ name: '思域' }).first('id', 'year_from');
    await db('vehicle_models').where({ id: civic.id }).update({ year_from: 1999 });

    await createFitmentShop(db).ensureVehicles();

    expect(await db('vehicle_makes').where({ slug: 'hongqi' }).first('id')).toBeDefined();
    expect(await db('vehicle_models').where({ id: civic.id }).first('year_from')).toEqual({ year_from: civic.year_from });
    const expected = vehicleCatalog().makes.reduce((n, m) => n + m.models.length, 0);
    expect(Number((await db('vehicle_models').count({ n: '*' }).first())?.n)).toBe(expected);
  });
});
