/**
 * Which requests count as a reader. Not counted:
 * - HEAD (and anything but GET): link checkers and caches, nobody reads the page;
 * - prefetches (`Sec-Purpose`/`Purpose: prefetch`): the reader may never open the article;
 * - a missing or empty User-Agent: every browser sends one;
 * - user agents of crawlers, previews and HTTP tools: `bot`, `crawler`, `spider`, `slurp`
 *   (Yahoo), `curl`, `wget`, `python-requests`, `httpclient`, `headless`, `preview`,
 *   `facebookexternalhit`, `monitor`, `feedfetcher`, `go-http-client`, `okhttp`, `java/`.
 *   The list is deliberately short and obvious: it trims machine noise, it is not fraud detection.
 */
export const BOT_USER_AGENT = /bot|crawler|spider|slurp|curl|wget|python-requests|httpclient|headless|preview|facebookexternalhit|monitor|feedfetcher|go-http-client|okhttp|java\//i;

export interface ViewRequest {
  readonly method: string;
  readonly userAgent: string | undefined;
  readonly purpose: string | undefined;
}

export function isCountableView(req: ViewRequest): boolean {
  if (req.method !== 'GET') return false;
  if (req.purpose && /prefetch|preview/i.test(req.purpose)) return false;
  const ua = req.userAgent?.trim();
  if (!ua) return false;
  return !BOT_USER_AGENT.test(ua);
}

/** The seed page's counter style: `点击:003`, zero-padded to at least three digits. */
export function formatViews(views: number): string {
  return `点击:${String(Math.max(0, Math.trunc(views))).padStart(3, '0')}`;
}
