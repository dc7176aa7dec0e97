import type { SearchEngine, SearchHit, SearchQuery, SearchResult } from './search-engine';

/**
 * Products first, like Shopify Dawn's predictive search: a shop's search answers with products,
 * and articles come after them. Composed from two queries through the port, so both engines
 * behave the same without either knowing: `type=all` is every matching product (in the engine's
 * order), then every matching article. An article can therefore never push a matching product
 * off a page, whatever the engines' ranking does with long article bodies.
 */

export interface ProductsAndArticles {
  readonly products: SearchResult;
  readonly articles: SearchResult;
}

/** The two lists side by side: the search page shows products as the list and articles in a block. */
export async function searchProductsAndArticles(engine: SearchEngine, query: SearchQuery, articleLimit: number): Promise<ProductsAndArticles> {
  // At once: the embedded engine reads on two connections of its own, a server answers both.
  const [products, articles] = await Promise.all([
    engine.search({ ...query, type: 'product' }),
    engine.search({ ...query, type: 'article', page: 1, perPage: articleLimit }),
  ]);
  return { products, articles };
}

/**
 * The `type=all` list, paginated as one sequence: products [0, P), then articles [P, P + A).
 * Facets come from the products (articles carry no category, vehicle or price).
 */
export async function searchAllProductsFirst(engine: SearchEngine, query: SearchQuery): Promise<SearchResult> {
  const started = performance.now();
  // The articles are counted while the products are searched: most pages are products only, and
  // then the count is all that is asked of the articles.
  const counting = engine.search({ ...query, type: 'article', page: 1, perPage: 0 });
  counting.catch(() => undefined);
  const products = await engine.search({ ...query, type: 'product' });
  const from = (query.page - 1) * query.perPage;
  const productTotal = products.totalHits;
  const hits: SearchHit[] = [...products.hits];
  const articleFrom = Math.max(0, from - productTotal);
  const wanted = query.perPage - hits.length;
  // The article slice [articleFrom, articleFrom + wanted) lies in at most two of the engine's pages.
  // When products fill the page only the article count is needed: no hits (and on the embedded
  // engine no ranking), not a page of long bodies, each highlighted and cropped.
  const firstPage = wanted > 0 ? Math.floor(articleFrom / query.perPage) + 1 : 1;
  let first: SearchResult;
  if (wanted > 0) {
    // The count tells whether any article falls on this page at all (often none matches): then it
    // is the answer. A count that failed is not: the page search answers, total included.
    const counted = await counting.catch(() => null);
    first = counted !== null && counted.totalHits <= articleFrom ? counted : await engine.search({ ...query, type: 'article', page: firstPage, perPage: query.perPage });
  } else {
    first = await counting;
  }
  const skip = articleFrom - (firstPage - 1) * query.perPage;
  let articleHits = first.hits.slice(skip);
  if (wanted > 0 && articleHits.length < wanted && skip > 0 && first.hits.length === query.perPage) {
    const second = await engine.search({ ...query, type: 'article', page: firstPage + 1 });
    articleHits = [...articleHits, ...second.hits];
  }
  if (wanted > 0) hits.push(...articleHits.slice(0, wanted));
  return {
    query: products.query,
    engine: products.engine,
    hits,
    facetDistribution: products.facetDistribution,
    totalHits: productTotal + first.totalHits,
    page: query.page,
    hitsPerPage: query.perPage,
    processingTimeMs: Math.round(performance.now() - started),
  };
}

/** The port with `type=all` answered products first; other types pass straight through. */
export function withProductsFirst(engine: SearchEngine): SearchEngine {
  return Object.assign(Object.create(engine) as SearchEngine, {
    search(query: SearchQuery): Promise<SearchResult> {
      return query.type === 'all' ? searchAllProductsFirst(engine, query) : engine.search(query);
    },
  });
}
