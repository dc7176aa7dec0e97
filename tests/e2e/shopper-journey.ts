/**
 * The shopper journey as an ordered list of steps. Each step acts like a person would (clicks
 * links, picks options) and checks where it landed; state carries what earlier steps found.
 * Extending the journey is inserting a step. Steps the integrator adds once the features merge:
 *  - 'type in the search box and pick a suggestion' (after 'open the home page'): fill #site-search,
 *    wait for `.suggest-list li`, press ArrowDown + Enter, expect /p/… .
 *  - 'pick a vehicle' (header picker) → 'see the fitment badge' on the product page (`.fit-badge.fit-fits`).
 *  - 'read a linked article' (product page `相关资讯` → /news/…) → 'back to a related product'.
 */
import type { Knex } from 'knex';
import type { Page } from 'playwright-core';
import { richProduct } from './page-types';

export interface JourneyState {
  product?: Awaited<ReturnType<typeof richProduct>>;
  [key: string]: unknown;
}

export interface JourneyContext {
  page: Page;
  baseUrl: string;
  db: Knex;
  state: JourneyState;
}

export interface JourneyStep {
  name: string;
  run(j: JourneyContext): Promise<void>;
}

/** Clicks a link and waits for the navigation it causes to finish. */
export async function follow(page: Page, selector: string): Promise<void> {
  const link = page.locator(selector).first();
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`no link for ${selector} on ${page.url()}`);
  await Promise.all([page.waitForURL((u) => u.pathname + u.search === href || u.href === href), link.click()]);
}

function pathOf(page: Page): string {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`journey state has no ${what}: an earlier step must set it`);
  return value;
}

export const SHOPPER_JOURNEY: JourneyStep[] = [
  {
    name: 'open the home page',
    async run({ page, baseUrl, db, state }) {
      state.product = await richProduct(db);
      await page.goto(`${baseUrl}/`);
      await page.locator('h1').first().waitFor();
    },
  },
  {
    name: "go to the product's category",
    async run({ page, state }) {
      const { categorySlug } = need(state.product, 'product');
      await follow(page, `main a[href="/c/${categorySlug}"]`);
      if (pathOf(page) !== `/c/${categorySlug}`) throw new Error(`expected the category page, got ${pathOf(page)}`);
    },
  },
  {
    name: 'find and open the product',
    async run({ page, state }) {
      const { slug } = need(state.product, 'product');
      const card = `a.card-link[href="/p/${slug}"]`;
      for (let i = 0; i < 10 && (await page.locator(card).count()) === 0; i++) await follow(page, '.pagination a[rel="next"]');
      await follow(page, card);
      await page.locator('h1#product-title').waitFor();
    },
  },
  {
    name: 'pick a variant (price and stock state follow it in place)',
    async run({ page, state }) {
      const { slug, variantIds } = need(state.product, 'product');
      const id = variantIds[1];
      const radio = page.locator(`.variant-picker input[type="radio"][value="${id}"]`);
      await radio.check();
      // Choosing a variant no longer navigates: the same form adds it to the cart.
      if (pathOf(page) !== `/p/${slug}`) throw new Error(`unexpected URL ${pathOf(page)}`);
      const label = (await page.locator('.variant.selected').textContent()) ?? '';
      const price = (await page.locator('.price.big').textContent()) ?? '';
      if (!(await radio.isChecked()) || !price || !label.includes(price)) throw new Error(`variant ${id} not shown as selected (label "${label}", price "${price}")`);
    },
  },
  {
    name: 'breadcrumbs back to the category, then home',
    async run({ page, state }) {
      const { categorySlug } = need(state.product, 'product');
      await follow(page, `.breadcrumbs a[href="/c/${categorySlug}"]`);
      await follow(page, '.breadcrumbs a[href="/"]');
      if (pathOf(page) !== '/') throw new Error(`expected home, got ${pathOf(page)}`);
    },
  },
];
