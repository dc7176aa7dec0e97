import type { Knex } from 'knex';
import { insertReturningId } from '../../../src/db/knex';
import { migrateLatest, migrateRollbackAll } from '../../../src/db/migrate';
import {
  applyParsedFitment,
  applyTitleFitment,
  fitmentStatus,
  fittingProductIds,
  listMakes,
  listModels,
  loadFitments,
  modelYears,
  parseTitle,
  productVehicles,
  resolveVehicle,
  seedVehicles,
  statusesFor,
  vehicleCatalog,
  vehicleNamesFor,
} from '../../../src/fitment';
import { AppError } from '../../../src/shared/errors';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let db: Knex;

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await migrateLatest(db);
  await seedVehicles(db);
});

afterAll(async () => t.close());

let counter = 0;
async function createProduct(title: string): Promise<number> {
  counter++;
  return insertReturningId(db, 'products', { slug: `p-${counter}`, title, price_fen: 1000, status: 'published' });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return `${err.status}:${err.code}`;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('vehicle tables', () => {
  it('when vehicles are seeded twice, then every make and model exists exactly once', async () => {
    const again = await seedVehicles(db);
    const makes = await db('vehicle_makes').count<{ n: number }[]>('* as n');
    const models = await db('vehicle_models').count<{ n: number }[]>('* as n');
    expect(Number(makes[0].n)).toBe(again.makes);
    expect(Number(models[0].n)).toBe(again.models);
    expect(again.models).toBeGreaterThanOrEqual(60);
  });

  it('when model slugs are derived, then they are unique within each make', () => {
    for (const make of vehicleCatalog().makes) {
      const slugs = make.models.map((m) => m.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
    }
  });

  it('when the picker asks for models of 宝骏 by slug, then 730 is listed with its production years', async () => {
    const models = await listModels(db, 'baojun');
    expect(models).toContainEqual(expect.objectContaining({ name: '730', slug: '730', yearFrom: 2014, yearTo: 2021, nameEn: 'SAIC-GM-Wuling 730' }));
    expect((await listMakes(db)).map((m) => m.slug)).toEqual(expect.arrayContaining(['baojun', 'honda', 'tesla']));
  });

  it('when a model is still on sale, then its picker years run to the given current year, newest first', async () => {
    const years = await modelYears(db, '本田', 'civic', 2025);
    expect(years[0]).toBe(2025);
    expect(years[years.length - 1]).toBe(2006);
    expect(await modelYears(db, 'baojun', '730', 2025)).toEqual([2021, 2020, 2019, 2018, 2017, 2016, 2015, 2014]);
  });

  it('when the migration is rolled back and re-run, then the fitment columns come and go cleanly', async () => {
    const fresh = await createTestDb();
    const other = fresh.db;
    try {
      await migrateLatest(other);
      expect(await other.schema.hasColumn('products', 'fitment_kind')).toBe(true);
      await migrateRollbackAll(other);
      expect(await other.schema.hasTable('vehicle_models')).toBe(false);
      await migrateLatest(other);
      expect(await other.schema.hasTable('product_fitments')).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});

describe('resolveVehicle', () => {
  it('when make, model and year are valid, then the vehicle carries ids and the production span', async () => {
    const v = await resolveVehicle(db, { make: '宝骏', model: '730', year: '2016' });
    expect(v).toEqual(expect.objectContaining({ makeName: '宝骏', modelName: '730', modelYearFrom: 2014, modelYearTo: 2021, year: 2016 }));
  });

  it('when nothing is given, then there is no active vehicle', async () => {
    expect(await resolveVehicle(db, {})).toBeNull();
  });

  it('when the make is unknown, then a 400 unknown_make', async () => {
    expect(await codeOf(resolveVehicle(db, { make: '不存在' }))).toBe('400:unknown_make');
  });

  it('when the model is not one of the make, then a 400 unknown_model', async () => {
    expect(await codeOf(resolveVehicle(db, { make: 'honda', model: '730' }))).toBe('400:unknown_model');
  });

  it('when the year is outside production, then a 400 year_out_of_range', async () => {
    expect(await codeOf(resolveVehicle(db, { make: 'baojun', model: '730', year: 2010 }))).toBe('400:year_out_of_range');
  });

  it('when the year is not a four-digit number, then a 400 invalid_year', async () => {
    expect(await codeOf(resolveVehicle(db, { make: 'baojun', model: '730', year: '16' }))).toBe('400:invalid_year');
  });

  it('when a model is given without a make, then a 400 model_requires_make', async () => {
    expect(await codeOf(resolveVehicle(db, { model: '730' }))).toBe('400:model_requires_make');
  });
});

describe('applyParsedFitment and fitmentStatus', () => {
  it('when the 宝骏730 tail-light title is applied, then the product fits a 2016 730 and not a 2012 630', async () => {
    const title = '适用于宝骏730后尾灯总成14-21款转向刹车灯后组合灯倒车灯罩改装';
    const id = await createProduct(title);
    const result = await applyTitleFitment(db, id, title);
    expect(result).toEqual({ kind: 'vehicle', inserted: 1, unresolved: [] });
    const rows = (await loadFitments(db, [id])).get(id) ?? [];
    expect(rows).toEqual([expect.objectContaining({ year_from: 2014, year_to: 2021, position: '后', source: 'title' })]);
    const fits = await resolveVehicle(db, { make: 'baojun', model: '730', year: 2016 });
    const other = await resolveVehicle(db, { make: 'baojun', model: '630', year: 2012 });
    expect(fitmentStatus(rows, 'vehicle', fits)).toBe('fits');
    expect(fitmentStatus(rows, 'vehicle', other)).toBe('no_fit');
    expect(fitmentStatus(rows, 'vehicle', null)).toBe('unknown');
  });

  it('when the shopper gives no year and the rows cover only part of production, then the status is unknown', async () => {
    const id = await createProduct('宝骏730 16-18款 大灯');
    await applyTitleFitment(db, id, '宝骏730 16-18款 大灯');
    const rows = (await loadFitments(db, [id])).get(id) ?? [];
    expect(fitmentStatus(rows, 'vehicle', await resolveVehicle(db, { make: 'baojun', model: '730' }))).toBe('unknown');
    expect(fitmentStatus(rows, 'vehicle', await resolveVehicle(db, { make: 'baojun', model: '730', year: 2017 }))).toBe('fits');
  });

  it('when the charger title is applied, then the kind is spec with the voltages stored', async () => {
    const title = '汽车电瓶充电器12v24v伏摩托车充电全智能自动修复型蓄电池充电机';
    const id = await createProduct(title);
    expect((await applyTitleFitment(db, id, title)).kind).toBe('spec');
    const row = await db('products').where({ id }).first('fitment_kind', 'fitment_spec');
    expect(row).toEqual({ fitment_kind: 'spec', fitment_spec: '{"voltage":[12,24]}' });
    expect(fitmentStatus([], 'spec', await resolveVehicle(db, { make: 'honda' }))).toBe('spec');
  });

  it('when a title has no fitment at all, then the product is unknown and never fits', async () => {
    const title = '汽车贴纸长剑机盖引擎盖头盖后挡风玻璃个性装饰车贴遮挡划痕拉花';
    const id = await createProduct(title);
    expect((await applyTitleFitment(db, id, title)).kind).toBe('unknown');
    const status = await statusesFor(db, new Map([[id, 'unknown' as const]]), await resolveVehicle(db, { make: 'baojun', model: '730', year: 2016 }));
    expect(status.get(id)).toBe('unknown');
  });

  it('when a title says 本田全系通用, then any Honda fits and a Toyota does not', async () => {
    const id = await createProduct('本田全系通用钥匙壳');
    await applyTitleFitment(db, id, '本田全系通用钥匙壳');
    const rows = (await loadFitments(db, [id])).get(id) ?? [];
    expect(rows).toEqual([expect.objectContaining({ model_id: null })]);
    expect(fitmentStatus(rows, 'vehicle', await resolveVehicle(db, { make: 'honda', model: 'civic', year: 2018 }))).toBe('fits');
    expect(fitmentStatus(rows, 'vehicle', await resolveVehicle(db, { make: 'toyota', model: 'corolla' }))).toBe('no_fit');
  });

  it('when a universal title is applied, then it is universal for every car', async () => {
    const id = await createProduct('汽车通用型座套');
    expect((await applyTitleFitment(db, id, '汽车通用型座套')).kind).toBe('universal');
    const ids = await fittingProductIds(db, (await resolveVehicle(db, { make: 'tesla' }))!, { includeUniversal: true }).then((rs: { product_id: number }[]) => rs.map((r) => Number(r.product_id)));
    expect(ids).toContain(id);
  });

  it('when a title is re-applied, then title rows are replaced but manual rows are kept', async () => {
    const id = await createProduct('东风本田享域中网');
    await applyTitleFitment(db, id, '东风本田享域中网');
    const honda = await resolveVehicle(db, { make: 'honda', model: 'accord' });
    await db('product_fitments').insert({ product_id: id, make_id: honda!.makeId, model_id: honda!.modelId, source: 'manual' });
    const result = await db.transaction((trx) => applyParsedFitment(trx, id, parseTitle('通用型中网')));
    expect(result.kind).toBe('vehicle');
    const rows = await productVehicles(db, id);
    expect(rows.map((r) => [r.model_name, r.source])).toEqual([['雅阁', 'manual']]);
  });

  it('when listing vehicles per product, then makes and models are named for the search document', async () => {
    const id = await createProduct('适用于本田雅阁/思域 18-22款 脚垫');
    await applyTitleFitment(db, id, '适用于本田雅阁/思域 18-22款 脚垫');
    expect((await vehicleNamesFor(db, [id])).get(id)).toEqual({ makes: ['本田'], models: ['雅阁', '思域'] });
  });

  it('when filtering by a vehicle and year, then only products whose rows cover that year are returned', async () => {
    const a = await createProduct('a');
    const b = await createProduct('b');
    await applyTitleFitment(db, a, '适用于五菱宏光S 13-16款 门槛条');
    await applyTitleFitment(db, b, '适用于五菱宏光S 18-21款 门槛条');
    const v = await resolveVehicle(db, { make: 'wuling', model: 'hongguang-s', year: 2015 });
    const ids = (await fittingProductIds(db, v!)).map((r: { product_id: number }) => Number(r.product_id));
    expect(ids).toContain(a);
    expect(ids).not.toContain(b);
  });
});
