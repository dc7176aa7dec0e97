import { pinyin } from 'pinyin-pro';
import { slugify } from '../shared/slug';
import { VEHICLE_MAKES, type GenerationData, type MakeData } from './vehicle-data';

export interface CatalogManufacturer {
  readonly name: string;
  readonly nameEn: string;
}

export interface CatalogModel {
  readonly makeName: string;
  readonly name: string;
  /** Full English name as shown to shoppers, e.g. "Dongfeng Honda Envix". */
  readonly nameEn: string;
  readonly slug: string;
  readonly pinyin: string;
  readonly manufacturer: string | null;
  readonly yearFrom: number;
  readonly yearTo: number | null;
  readonly generations: readonly GenerationData[];
  /** Spellings recognised in titles, the canonical name first. */
  readonly aliases: readonly string[];
}

export interface CatalogMake {
  readonly name: string;
  readonly nameEn: string;
  readonly slug: string;
  readonly pinyin: string;
  readonly aliases: readonly string[];
  readonly manufacturers: readonly CatalogManufacturer[];
  /** Other spellings of a manufacturer → the manufacturer's name. */
  readonly manufacturerAliases: Readonly<Record<string, string>>;
  readonly models: readonly CatalogModel[];
}

export interface VehicleCatalog {
  readonly makes: readonly CatalogMake[];
  makeByName(name: string): CatalogMake | undefined;
  /** Finds a make by Chinese name, slug or English name (case-insensitive). */
  findMake(nameOrSlug: string): CatalogMake | undefined;
  findModel(make: CatalogMake, nameOrSlug: string): CatalogModel | undefined;
}

/** Lower-case pinyin without tones or spaces; Latin parts kept ("hongguangs"). */
export function toPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function buildMake(data: MakeData): CatalogMake {
  const manufacturers = Object.entries(data.manufacturers ?? {}).map(([name, nameEn]) => ({ name, nameEn }));
  const models = data.models.map(([name, en, yearFrom, yearTo, opts]): CatalogModel => {
    const mfr = opts?.mfr ?? null;
    const prefix = mfr ? (data.manufacturers?.[mfr] ?? data.nameEn) : data.nameEn;
    return {
      makeName: data.name,
      name,
      nameEn: `${prefix} ${en}`,
      slug: slugify(en),
      pinyin: toPinyin(name),
      manufacturer: mfr,
      yearFrom,
      yearTo,
      generations: opts?.gens ?? [],
      aliases: [name, ...(opts?.aliases ?? [])],
    };
  });
  return {
    name: data.name,
    nameEn: data.nameEn,
    slug: data.slug,
    pinyin: toPinyin(data.name),
    aliases: [data.name, ...(data.aliases ?? [])],
    manufacturers,
    manufacturerAliases: data.manufacturerAliases ?? {},
    models,
  };
}

function normaliseKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\-_.·]+/g, '');
}

let cached: VehicleCatalog | undefined;

/** Built once per process from the static data; immutable afterwards. */
export function vehicleCatalog(): VehicleCatalog {
  if (cached) return cached;
  const makes = VEHICLE_MAKES.map(buildMake);
  const byName = new Map(makes.map((m) => [m.name, m]));
  const byKey = new Map<string, CatalogMake>();
  for (const m of makes) {
    for (const k of [m.name, m.slug, m.nameEn, m.pinyin]) byKey.set(normaliseKey(k), m);
  }
  cached = {
    makes,
    makeByName: (name) => byName.get(name),
    findMake: (nameOrSlug) => byKey.get(normaliseKey(nameOrSlug)),
    findModel(make, nameOrSlug) {
      const key = normaliseKey(nameOrSlug);
      return make.models.find((m) => m.slug === nameOrSlug || normaliseKey(m.name) === key || m.slug.replace(/-/g, '') === key);
    },
  };
  return cached;
}
