/**
 * XSS payloads and where they go in. Every payload that could run sets `window.__xss` (and
 * most call alert), so a browser test can see execution, not just markup.
 *
 * TODO(integrator) — admin-form XSS paths to add once src/admin is merged: post each payload
 * through the real admin forms (not the DB) and re-run the page checks below for:
 *  - product title, name_en, description, spec name/value, variant label, tag names, image alt
 *    and original file name (upload form), category name/description;
 *  - article title, summary, body (sanitised HTML: check that `<img onerror>`, `javascript:`
 *    links and `<iframe>` are stripped on write), article tags, author;
 *  - vehicle make/model names (fitment admin), any "notes" fields;
 *  - the admin pages themselves (product list, edit forms re-displaying invalid input, flash
 *    messages, the login page echoing the e-mail).
 */
import type { Knex } from 'knex';
import { insertReturningId } from '../../src/db/knex';
import { bumpContentVersion } from '../../src/shared/content-version';

export interface XssPayload {
  name: string;
  text: string;
}

export const XSS_PAYLOADS: XssPayload[] = [
  { name: 'script', text: '<script>window.__xss=1;alert(1)</script>' },
  { name: 'img-onerror', text: '"><img src=x onerror="window.__xss=1;alert(1)">' },
  { name: 'svg-onload', text: "'><svg onload=window.__xss=1;alert(1)>" },
  { name: 'javascript-url', text: 'javascript:window.__xss=1;alert(1)' },
  { name: 'anchor-javascript', text: '<a href="javascript:window.__xss=1">点我</a>' },
  { name: 'script-breakout', text: '</script><script>window.__xss=1;alert(1)</script>' },
  { name: 'iframe-srcdoc', text: '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>' },
  { name: 'ejs-template', text: '<%= 7*7 %><%- "<b>raw</b>" %>' },
  { name: 'curly-template', text: '{{7*7}}${7*7}#{7*7}' },
  { name: 'entity-smuggling', text: '&lt;script&gt;window.__xss=1&lt;/script&gt; &#x3C;img src=x onerror=alert(1)&#x3E;' },
];

/** Query-string and path inputs that a page might echo. `{p}` is the encoded payload. */
export const XSS_QUERY_INPUTS: { name: string; url: (encoded: string, ctx: { productSlug: string; categorySlug: string }) => string }[] = [
  { name: 'listing search echo', url: (p) => `/products?q=${p}` },
  { name: 'category search echo', url: (p, c) => `/c/${c.categorySlug}?q=${p}` },
  { name: 'make filter', url: (p) => `/products?make=${p}` },
  { name: 'model without make (400 page)', url: (p) => `/products?model=${p}` },
  { name: 'price filter (400 page)', url: (p) => `/products?price_min=${p}` },
  { name: 'variant', url: (p, c) => `/p/${c.productSlug}?variant=${p}` },
  { name: 'product slug (400 page)', url: (p) => `/p/${p}` },
  { name: 'unknown path (404 page)', url: (p) => `/no-such/${p}` },
  // Integrator: { name: 'search page', url: (p) => `/search?q=${p}` }, { name: 'news search', url: (p) => `/news?q=${p}` },
];

export interface PlantedXss {
  payload: XssPayload;
  productSlug: string;
  categorySlug: string;
  title: string;
}

/**
 * Writes each payload into every text field of a new category and product (title, English
 * name, description, spec, variant labels, tag, image alt), as an admin could, and bumps the
 * catalogue version so cached pages are not served.
 */
export async function plantXssCatalog(db: Knex, payloads: XssPayload[] = XSS_PAYLOADS): Promise<PlantedXss[]> {
  const image = await db('product_images').orderBy('id').first();
  const planted: PlantedXss[] = [];
  await db.transaction(async (trx) => {
    for (const [i, payload] of payloads.entries()) {
      const p = payload.text;
      const categorySlug = `xss-${payload.name}`;
      const categoryId = await insertReturningId(trx, 'categories', { slug: categorySlug, name: `类别 ${p}`, name_en: p, description: p, parent_id: null, position: 900 + i });
      const productSlug = `xss-${payload.name}-product`;
      const title = `尾灯 ${p}`;
      const now = new Date();
      const productId = await insertReturningId(trx, 'products', {
        slug: productSlug, title, name_en: p, description: `${p}\n第二段 ${p}`, category_id: categoryId,
        price_fen: 1000 + i, compare_at_fen: 2000, stock: 3, status: 'published', featured: true, created_at: now, updated_at: now,
      });
      await trx('product_specs').insert({ product_id: productId, name: p, value: p, position: 0 });
      for (const position of [0, 1]) {
        await trx('product_variants').insert({ product_id: productId, label: `${position} ${p}`, sku: `XSS-${i}-${position}`, price_fen: 1000 + position, stock: position, position });
      }
      const tagId = await insertReturningId(trx, 'tags', { slug: `xss-tag-${i}`, name: p });
      await trx('product_tags').insert({ product_id: productId, tag_id: tagId });
      if (image) {
        const { id: _id, ...copy } = image;
        // Same files, own row: the stored variants point at the seeded image.
        await trx('product_images').insert({ ...copy, storage_key: `${copy.storage_key}-xss-${i}`, product_id: productId, alt: p, original_name: `${p}.png` });
      }
      planted.push({ payload, productSlug, categorySlug, title });
    }
    await bumpContentVersion(trx, 'catalog');
  });
  return planted;
}

/**
 * Runs in the page: anything that shows a payload became markup or code. Our own markup has no
 * inline handlers, no javascript: URLs, no inline <style> (the CSP forbids them) and no frames.
 */
export function domProbe(): string[] {
  const bad: string[] = [];
  if ((window as unknown as { __xss?: unknown }).__xss !== undefined) bad.push('window.__xss was set');
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) bad.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
      if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) bad.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
    }
  }
  for (const tag of ['iframe', 'frame', 'object', 'embed', 'base', 'style', 'b']) {
    if (document.querySelector(tag)) bad.push(`a <${tag}> element exists`);
  }
  for (const s of Array.from(document.scripts)) {
    if (s.type === 'application/ld+json') {
      try {
        JSON.parse(s.textContent ?? '');
      } catch {
        bad.push('a JSON-LD block does not parse (broken out of?)');
      }
    } else if (!s.src || new URL(s.src).origin !== location.origin) {
      bad.push(`an inline or foreign <script>: ${(s.textContent ?? s.src).slice(0, 60)}`);
    }
  }
  return bad;
}
