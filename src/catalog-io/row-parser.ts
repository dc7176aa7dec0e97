import path from 'node:path';
import { z } from 'zod';
import { htmlToText, sanitizeArticleHtml } from '../news';
import type { Column, RawRow } from './columns';
import { CATEGORY_SEPARATORS, FIELD_SEPARATORS, IMAGE_SEPARATORS, LIST_SEPARATORS, TAG_SEPARATORS, listItems, parsePrice, plainItems, splitEscaped } from './field-syntax';
import { parseFitmentCell, type FitmentStatement, type VehicleIndexMake } from './fitment-column';

export interface ParsedVariant {
  readonly label: string;
  readonly priceFen: number;
  readonly stock: number;
  readonly sku: string | null;
}

/** The product fields a spreadsheet row carries: one list for the parsed row and the stored product. */
export interface SheetProductFields {
  readonly sku: string;
  readonly title: string;
  readonly titleEn: string;
  readonly categoryPath: readonly string[];
  readonly priceFen: number;
  readonly compareAtFen: number | null;
  readonly stock: number;
  readonly status: 'published' | 'draft';
  readonly tags: readonly string[];
  readonly specs: readonly { name: string; value: string }[];
  readonly description: string;
}

export interface ParsedRow extends SheetProductFields {
  readonly line: number;
  readonly variants: readonly ParsedVariant[];
  /** Null: the cell was empty, so the title parser decides (and the fitment is unconfirmed). */
  readonly fitment: FitmentStatement | null;
  /** Null: the cell was empty, so the product keeps the images it has. */
  readonly images: readonly string[] | null;
}

export interface RowError {
  readonly column: Column | null;
  readonly code: string;
  readonly message: string;
}

export const LIMITS = { sku: 64, title: 300, titleEn: 300, description: 20_000, variants: 50, specs: 60, tags: 30, tag: 40, images: 10, categoryDepth: 5, category: 120 } as const;
export const SKU = /^[A-Za-z0-9_-]{1,64}$/;
const VARIANT_SKU = /^[A-Za-z0-9_-]{1,80}$/;
const INT = /^\d{1,9}$/;

type Ctx = z.RefinementCtx;
const fail = (ctx: Ctx, code: string, message: string) => {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
};

const text = (column: string, max: number, required: boolean) =>
  z.string().default('').transform((v, ctx) => {
    const t = v.trim();
    if (required && t === '') return fail(ctx, `${column}_missing`, `${column} 不能为空`);
    if (t.length > max) return fail(ctx, `${column}_too_long`, `${column} 超过 ${max} 个字符（${t.length}）`);
    return t;
  });

const looksLikeHtml = (s: string) => /<[a-z!/][^>]*>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s);

function rowSchema(makes: readonly VehicleIndexMake[]) {
  return z.object({
    sku: z.string().default('').transform((v, ctx) => {
      const t = v.trim();
      if (t === '') return fail(ctx, 'sku_missing', '商家编码不能为空');
      if (!SKU.test(t)) return fail(ctx, 'sku_invalid', `商家编码只能包含字母、数字、- 和 _，最长 ${LIMITS.sku} 个字符：${t.slice(0, 80)}`);
      return t;
    }),
    title: text('title', LIMITS.title, true),
    title_en: text('title_en', LIMITS.titleEn, false),
    category: z.string().default('').transform((v, ctx) => {
      const parts = splitEscaped(v, CATEGORY_SEPARATORS).map((p) => p.trim()).filter(Boolean);
      if (parts.length > LIMITS.categoryDepth) return fail(ctx, 'category_too_deep', `分类最多 ${LIMITS.categoryDepth} 级`);
      if (parts.some((p) => p.length > LIMITS.category)) return fail(ctx, 'category_too_long', `分类名称最长 ${LIMITS.category} 个字符`);
      return parts;
    }),
    price: z.string().default('').transform((v, ctx) => {
      if (v.trim() === '') return fail(ctx, 'price_missing', '价格不能为空');
      return parsePrice(v) ?? fail(ctx, 'price_invalid', `价格格式不正确：${v.trim().slice(0, 40)}`);
    }),
    compare_at_price: z.string().default('').transform((v, ctx) => {
      if (v.trim() === '') return null;
      return parsePrice(v) ?? fail(ctx, 'compare_at_price_invalid', `原价格式不正确：${v.trim().slice(0, 40)}`);
    }),
    stock: z.string().default('').transform((v, ctx) => {
      const t = v.trim();
      if (t === '') return 0;
      if (/^-\s*\d/.test(t)) return fail(ctx, 'stock_negative', `库存不能为负数：${t}`);
      if (!INT.test(t)) return fail(ctx, 'stock_invalid', `库存必须是整数：${t.slice(0, 40)}`);
      return Number(t);
    }),
    status: z.string().default('').transform((v, ctx) => {
      const t = v.trim().toLowerCase();
      if (t === '' || t === 'published' || t === '上架' || t === '出售中') return 'published' as const;
      if (t === 'draft' || t === '草稿' || t === '下架' || t === '仓库中') return 'draft' as const;
      return fail(ctx, 'status_invalid', `状态只能是 上架/草稿 或 published/draft：${t.slice(0, 40)}`);
    }),
    tags: z.string().default('').transform((v, ctx) => {
      const tags = [...new Set(plainItems(v, TAG_SEPARATORS))];
      if (tags.length > LIMITS.tags) return fail(ctx, 'tags_too_many', `标签最多 ${LIMITS.tags} 个`);
      if (tags.some((t) => t.length > LIMITS.tag)) return fail(ctx, 'tag_too_long', `每个标签最长 ${LIMITS.tag} 个字符`);
      return tags;
    }),
    specs: z.string().default('').transform((v, ctx) => {
      const items = listItems(v, LIST_SEPARATORS);
      if (items.length > LIMITS.specs) return fail(ctx, 'specs_too_many', `参数最多 ${LIMITS.specs} 项`);
      const specs: { name: string; value: string }[] = [];
      for (const item of items) {
        const [name = '', ...rest] = splitEscaped(item, FIELD_SEPARATORS);
        const value = rest.join(':').trim();
        if (rest.length === 0 || !name.trim() || !value || name.trim().length > 60 || value.length > 300) {
          return fail(ctx, 'specs_syntax', `参数应写成 名称:值;名称:值，无法识别：${item.slice(0, 60)}`);
        }
        specs.push({ name: name.trim(), value });
      }
      return specs;
    }),
    variants: z.string().default('').transform((v, ctx) => {
      const items = listItems(v, LIST_SEPARATORS);
      if (items.length > LIMITS.variants) return fail(ctx, 'variants_too_many', `规格最多 ${LIMITS.variants} 项`);
      const variants: ParsedVariant[] = [];
      for (const item of items) {
        const [label = '', price = '', stock = '', sku = '', ...extra] = splitEscaped(item, FIELD_SEPARATORS).map((s) => s.trim());
        const priceFen = parsePrice(price);
        if (!label || label.length > 60 || priceFen === null || !INT.test(stock) || extra.length || (sku !== '' && !VARIANT_SKU.test(sku))) {
          return fail(ctx, 'variants_syntax', `规格应写成 名称:价格:库存:SKU;…，无法识别：${item.slice(0, 60)}`);
        }
        variants.push({ label, priceFen, stock: Number(stock), sku: sku || null });
      }
      return variants;
    }),
    description: z.string().default('').transform((v, ctx) => {
      const raw = v.replace(/\r\n?/g, '\n');
      const t = (looksLikeHtml(raw) ? htmlToText(sanitizeArticleHtml(raw)) : raw).trim();
      if (t.length > LIMITS.description) return fail(ctx, 'description_too_long', `宝贝描述超过 ${LIMITS.description} 个字符`);
      return t;
    }),
    fitment: z.string().default('').transform((v, ctx) => {
      if (v.trim() === '') return null;
      const r = parseFitmentCell(v, makes);
      return r.ok ? r.value : fail(ctx, 'fitment_invalid', `适用车型无法识别：${r.message}`);
    }),
    images: z.string().default('').transform((v, ctx) => {
      const names = plainItems(v, IMAGE_SEPARATORS);
      if (names.length === 0) return null;
      if (names.length > LIMITS.images) return fail(ctx, 'images_too_many', `图片最多 ${LIMITS.images} 张`);
      const bad = names.find((n) => n.length > 200 || path.isAbsolute(n) || n.split(/[\\/]/).includes('..'));
      if (bad) return fail(ctx, 'image_bad_name', `图片文件名无效：${bad.slice(0, 80)}`);
      return names;
    }),
  });
}

export type RowParser = (line: number, raw: RawRow) => { ok: true; row: ParsedRow } | { ok: false; errors: RowError[] };

export function createRowParser(makes: readonly VehicleIndexMake[]): RowParser {
  const schema = rowSchema(makes);
  return (line, raw) => {
    const r = schema.safeParse(raw);
    if (!r.success) {
      return {
        ok: false,
        errors: r.error.issues.map((i) => ({ column: (i.path[0] as Column | undefined) ?? null, code: String((i as { params?: { code?: string } }).params?.code ?? 'invalid'), message: i.message })),
      };
    }
    const d = r.data;
    if (d.compare_at_price !== null && d.compare_at_price <= d.price) {
      return { ok: false, errors: [{ column: 'compare_at_price', code: 'compare_at_price_not_higher', message: '原价必须高于价格' }] };
    }
    return {
      ok: true,
      row: {
        line, sku: d.sku, title: d.title, titleEn: d.title_en, categoryPath: d.category, priceFen: d.price, compareAtFen: d.compare_at_price,
        stock: d.stock, status: d.status, tags: d.tags, specs: d.specs, variants: d.variants, description: d.description, fitment: d.fitment, images: d.images,
      },
    };
  };
}
