import type { ProductInput } from '../catalog/catalog-writer';
import { ADMIN_TEXT as T } from './admin-strings';

/** Raw form values, kept as typed so a form with errors re-renders exactly what was sent. */
export interface ProductFormValues {
  title: string;
  name_en: string;
  category_id: string;
  price: string;
  compare_at: string;
  stock: string;
  description: string;
  featured: boolean;
  status: string;
  variants: string;
  specs: string;
  tags: string;
}

/** Field messages; `fitment` covers the whole fitment fieldset. */
export type FormErrors = Partial<Record<keyof ProductFormValues | 'fitment', string>>;

const LIMITS = { title: 300, name_en: 300, description: 20_000, variants: 50, specs: 60, tags: 30, line: 400 } as const;
const PRICE = /^\d{1,8}(\.\d{1,2})?$/;
const INT = /^\d{1,9}$/;
const SKU = /^[A-Za-z0-9_-]{1,80}$/;

function str(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  // A repeated field (an array) is not something our forms send: treat it as empty, never join it.
  return typeof v === 'string' ? v : '';
}

export function emptyProductForm(): ProductFormValues {
  return { title: '', name_en: '', category_id: '', price: '', compare_at: '', stock: '0', description: '', featured: false, status: 'draft', variants: '', specs: '', tags: '' };
}

export function readProductForm(body: unknown): ProductFormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    title: str(b, 'title'), name_en: str(b, 'name_en'), category_id: str(b, 'category_id'), price: str(b, 'price'),
    compare_at: str(b, 'compare_at'), stock: str(b, 'stock'), description: str(b, 'description').replace(/\r\n?/g, '\n'),
    featured: str(b, 'featured') === '1', status: str(b, 'status') || 'draft', variants: str(b, 'variants').replace(/\r\n?/g, '\n'),
    specs: str(b, 'specs').replace(/\r\n?/g, '\n'), tags: str(b, 'tags'),
  };
}

const toFen = (yuan: string): number => Math.round(Number(yuan) * 100);

function lines(text: string): { n: number; text: string }[] {
  return text.split('\n').map((t, i) => ({ n: i + 1, text: t.trim() })).filter((l) => l.text !== '');
}

/** Validates the form; returns either the writer's input or messages keyed by field. */
export function validateProductForm(v: ProductFormValues, categoryIds: ReadonlySet<number>): { ok: true; input: ProductInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const title = v.title.trim();
  if (!title) errors.title = T.required;
  else if (title.length > LIMITS.title) errors.title = T.tooLong(LIMITS.title);
  const nameEn = v.name_en.trim();
  if (nameEn.length > LIMITS.name_en) errors.name_en = T.tooLong(LIMITS.name_en);
  let categoryId: number | null = null;
  if (v.category_id !== '') {
    categoryId = INT.test(v.category_id) ? Number(v.category_id) : -1;
    if (!categoryIds.has(categoryId)) errors.category_id = T.unknownCategory;
  }
  if (!PRICE.test(v.price.trim())) errors.price = T.price;
  const compareAt = v.compare_at.trim();
  if (compareAt !== '' && !PRICE.test(compareAt)) errors.compare_at = T.price;
  else if (compareAt !== '' && !errors.price && toFen(compareAt) <= toFen(v.price.trim())) errors.compare_at = T.compareAt;
  if (!INT.test(v.stock.trim())) errors.stock = T.integer;
  if (v.description.length > LIMITS.description) errors.description = T.tooLong(LIMITS.description);
  if (v.status !== 'draft' && v.status !== 'published') errors.status = T.status;

  const variants: ProductInput['variants'] = [];
  const variantLines = lines(v.variants);
  if (variantLines.length > LIMITS.variants) errors.variants = T.tooMany(LIMITS.variants);
  for (const l of variantLines) {
    const [label = '', price = '', stock = '', sku = '', ...extra] = l.text.split('|').map((s) => s.trim());
    if (!label || label.length > 60 || !PRICE.test(price) || !INT.test(stock) || extra.length || l.text.length > LIMITS.line) {
      errors.variants ??= T.variantLine(l.n);
      continue;
    }
    if (sku && !SKU.test(sku)) {
      errors.variants ??= T.sku;
      continue;
    }
    variants.push({ label, priceFen: toFen(price), stock: Number(stock), sku: sku || null });
  }

  const specs: ProductInput['specs'] = [];
  const specLines = lines(v.specs);
  if (specLines.length > LIMITS.specs) errors.specs = T.tooMany(LIMITS.specs);
  for (const l of specLines) {
    const cut = l.text.indexOf('|');
    const name = cut < 0 ? '' : l.text.slice(0, cut).trim();
    const value = cut < 0 ? '' : l.text.slice(cut + 1).trim();
    if (!name || !value || name.length > 60 || value.length > 300) {
      errors.specs ??= T.specLine(l.n);
      continue;
    }
    specs.push({ name, value });
  }

  const tags = [...new Set(v.tags.split(/[,，、]/).map((t) => t.trim()).filter(Boolean))];
  if (tags.length > LIMITS.tags) errors.tags = T.tooMany(LIMITS.tags);
  else if (tags.some((t) => t.length > 40)) errors.tags = T.tooLong(40);

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      title, nameEn, categoryId, priceFen: toFen(v.price.trim()), compareAtFen: compareAt ? toFen(compareAt) : null,
      stock: Number(v.stock.trim()), description: v.description.trim(), featured: v.featured, status: v.status as 'draft' | 'published',
      variants, specs, tags,
    },
  };
}

/** The stored product as form values, for the edit page. */
export function productToForm(p: {
  title: string; name_en: string; category_id: number | null; price_fen: number; compare_at_fen: number | null; stock: number;
  description: string; featured: number | boolean; status: string;
  variants: { label: string; sku: string; price_fen: number; stock: number }[]; specs: { name: string; value: string }[]; tags: { name: string }[];
}): ProductFormValues {
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  return {
    title: p.title, name_en: p.name_en, category_id: p.category_id === null ? '' : String(p.category_id), price: yuan(p.price_fen),
    compare_at: p.compare_at_fen === null ? '' : yuan(p.compare_at_fen), stock: String(p.stock), description: p.description,
    featured: Boolean(p.featured), status: p.status,
    variants: p.variants.map((x) => `${x.label} | ${yuan(x.price_fen)} | ${x.stock} | ${x.sku}`).join('\n'),
    specs: p.specs.map((s) => `${s.name} | ${s.value}`).join('\n'),
    tags: p.tags.map((t) => t.name).join(', '),
  };
}
