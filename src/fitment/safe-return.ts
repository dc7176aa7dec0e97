const ORIGIN = 'http://qipei.invalid';

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * A path a browser will resolve to this site: it starts with one slash, and nothing a URL
 * parser turns into a second slash (a backslash, a tab or newline it strips) or a host follows.
 */
function isLocalPath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\') || hasControlCharacter(path)) return false;
  try {
    return new URL(path, ORIGIN).origin === ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Where a form may send the shopper back to: only a path on this site. Absolute URLs,
 * protocol-relative `//host`, backslash tricks (`/\host`) and control characters all fall
 * back to `fallback`, so a crafted link can never turn the garage into an open redirect.
 * The check runs again on the normalised result: dot segments (`/.//host`, `/%2e//host`,
 * `/x/..//host`) only become `//host` once the parser has removed them.
 */
export function safeReturnPath(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 500 || !isLocalPath(raw)) return fallback;
  const url = new URL(raw, ORIGIN);
  // The picker itself is never a destination: it would loop the shopper back into the flow.
  if (url.pathname.toLowerCase().startsWith('/garage/select')) return fallback;
  // Only parameters the site itself understands come back; tracking tags (utm_*, fbclid…) are dropped.
  const kept = new URLSearchParams();
  for (const [k, v] of url.searchParams) if (RETURN_PARAMS.has(k)) kept.append(k, v);
  const search = kept.toString();
  const result = `${url.pathname}${search ? `?${search}` : ''}`;
  return isLocalPath(result) ? result : fallback;
}

const RETURN_PARAMS = new Set(['q', 'type', 'category', 'make', 'model', 'year', 'price_min', 'price_max', 'sort', 'page', 'per_page', 'fits', 'variant']);
