const ORIGIN = 'http://qipei.invalid';

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Where a form may send the shopper back to: only a path on this site. Absolute URLs,
 * protocol-relative `//host`, backslash tricks (`/\host`) and control characters all fall
 * back to `fallback`, so a crafted link can never turn the garage into an open redirect.
 */
export function safeReturnPath(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 500) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || hasControlCharacter(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  // The picker itself is never a destination: it would loop the shopper back into the flow.
  if (url.pathname.startsWith('/garage/select')) return fallback;
  // Only parameters the site itself understands come back; tracking tags (utm_*, fbclid…) are dropped.
  const kept = new URLSearchParams();
  for (const [k, v] of url.searchParams) if (RETURN_PARAMS.has(k)) kept.append(k, v);
  const search = kept.toString();
  return `${url.pathname}${search ? `?${search}` : ''}`;
}

const RETURN_PARAMS = new Set(['q', 'type', 'category', 'make', 'model', 'year', 'price_min', 'price_max', 'sort', 'page', 'per_page', 'fits', 'variant']);
