import type { Knex } from 'knex';
import { formatFen } from '../shared/money';
import { CART_TEXT } from './cart-strings';

export type LineProblem = 'deleted' | 'unpublished' | 'variant_gone' | 'out_of_stock' | 'insufficient';

/** One cart line as it stands now: title, price and stock are read from the catalogue every time. */
export interface CartLine {
  readonly itemId: number;
  readonly productId: number;
  /** 0 when the product has no variants. */
  readonly variantId: number;
  readonly qty: number;
  readonly title: string;
  readonly slug: string;
  readonly url: string | null;
  readonly variantLabel: string;
  readonly unitFen: number;
  readonly lineFen: number;
  readonly unitPrice: string;
  readonly linePrice: string;
  readonly stock: number;
  readonly problem: LineProblem | null;
  readonly problemText: string | null;
}

interface Row {
  item_id: number;
  product_id: number;
  variant_id: number;
  qty: number;
  p_id: number | null;
  slug: string | null;
  title: string | null;
  status: string | null;
  p_price: number | null;
  p_stock: number | null;
  v_id: number | null;
  v_label: string | null;
  v_price: number | null;
  v_stock: number | null;
  variant_count: number | string;
}

function problemOf(r: Row, stock: number): LineProblem | null {
  if (r.p_id === null) return 'deleted';
  if (r.status !== 'published') return 'unpublished';
  // A line without a variant on a product that has some now (or with one that was removed).
  if ((r.variant_id !== 0 && r.v_id === null) || (r.variant_id === 0 && Number(r.variant_count) > 0)) return 'variant_gone';
  if (stock <= 0) return 'out_of_stock';
  if (stock < r.qty) return 'insufficient';
  return null;
}

/**
 * The cart's lines joined to the live catalogue. Runs on the plain connection for pages and inside
 * the order's transaction at checkout, so what is charged is what the database says at that moment.
 */
export async function loadCartLines(db: Knex | Knex.Transaction, cartId: string): Promise<CartLine[]> {
  const variantCount = db('product_variants as vc').whereRaw('vc.product_id = ci.product_id').count('* as n');
  const rows: Row[] = await db('cart_items as ci')
    .leftJoin('products as p', 'p.id', 'ci.product_id')
    .leftJoin('product_variants as v', function () {
      this.on('v.id', '=', 'ci.variant_id').andOn('v.product_id', '=', 'ci.product_id');
    })
    .where('ci.cart_id', cartId)
    .orderBy('ci.id')
    .select(
      'ci.id as item_id', 'ci.product_id', 'ci.variant_id', 'ci.qty',
      'p.id as p_id', 'p.slug', 'p.title', 'p.status', 'p.price_fen as p_price', 'p.stock as p_stock',
      'v.id as v_id', 'v.label as v_label', 'v.price_fen as v_price', 'v.stock as v_stock',
      variantCount.as('variant_count'),
    );
  return rows.map((r) => {
    const unitFen = Number(r.v_price ?? r.p_price ?? 0);
    const stock = Number(r.variant_id !== 0 ? (r.v_stock ?? 0) : (r.p_stock ?? 0));
    const problem = problemOf(r, stock);
    const qty = Number(r.qty);
    return {
      itemId: Number(r.item_id),
      productId: Number(r.product_id),
      variantId: Number(r.variant_id),
      qty,
      title: r.title ?? CART_TEXT.problems.deleted,
      slug: r.slug ?? '',
      url: r.slug && r.status === 'published' ? `/p/${r.slug}` : null,
      variantLabel: r.v_label ?? '',
      unitFen,
      lineFen: unitFen * qty,
      unitPrice: formatFen(unitFen),
      linePrice: formatFen(unitFen * qty),
      stock,
      problem,
      problemText: problem ? CART_TEXT.problems[problem] : null,
    };
  });
}
