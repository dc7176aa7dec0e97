/**
 * Older Meilisearch servers reject request fields they do not know (deserr `deny_unknown_fields`:
 * 400 `bad_request`, "Unknown field `x`"). The stub can pretend to be such a server, so the adapter
 * is tested against the versions it claims to support. Versions from Meilisearch's release notes.
 */
const INTRODUCED: readonly { readonly route: string; readonly path: readonly string[]; readonly since: string }[] = [
  { route: 'PATCH /indexes/{index_uid}/settings', path: ['dictionary'], since: '1.3.0' },
  { route: 'PATCH /indexes/{index_uid}/settings', path: ['separatorTokens'], since: '1.3.0' },
  { route: 'PATCH /indexes/{index_uid}/settings', path: ['nonSeparatorTokens'], since: '1.3.0' },
  { route: 'PATCH /indexes/{index_uid}/settings', path: ['proximityPrecision'], since: '1.4.0' },
  { route: 'PATCH /indexes/{index_uid}/settings', path: ['searchCutoffMs'], since: '1.9.0' },
  { route: 'PATCH /indexes/{index_uid}/settings', path: ['localizedAttributes'], since: '1.10.0' },
  { route: 'PATCH /indexes/{index_uid}/settings', path: ['facetSearch'], since: '1.12.0' },
  { route: 'PATCH /indexes/{index_uid}/settings', path: ['prefixSearch'], since: '1.12.0' },
  { route: 'PATCH /indexes/{index_uid}/settings', path: ['typoTolerance', 'disableOnNumbers'], since: '1.15.0' },
  { route: 'POST /indexes/{index_uid}/search', path: ['locales'], since: '1.10.0' },
  { route: 'POST /swap-indexes', path: ['*', 'rename'], since: '1.18.0' },
];

function parse(v: string): number[] {
  return v.split('.').map((n) => Number.parseInt(n, 10) || 0);
}

export function versionBefore(version: string, since: string): boolean {
  const a = parse(version);
  const b = parse(since);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

function present(body: unknown, path: readonly string[]): boolean {
  if (!path.length) return true;
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(body) && body.some((item) => present(item, rest));
  if (body === null || typeof body !== 'object' || !(head in body)) return false;
  return present((body as Record<string, unknown>)[head], rest);
}

/** The field a server of `version` would refuse in this request, if any. */
export function unknownToVersion(version: string, route: string, body: unknown): string | null {
  for (const f of INTRODUCED) {
    if (f.route === route && versionBefore(version, f.since) && present(body, f.path)) return f.path.filter((p) => p !== '*').join('.');
  }
  return null;
}
