import { matchWord, type Token, type Tokenizer } from './stub-text';
import type { StubSettings } from './stub-state';
import type { SearchBody, Term } from './stub-search';

interface Span { start: number; end: number; }

/** Character ranges of `text` that the query matched, as Meilisearch highlights them. */
function matchedSpans(tokens: Token[], terms: readonly Term[], s: StubSettings): Span[] {
  const rules = {
    enabled: s.typoTolerance.enabled,
    oneTypo: s.typoTolerance.minWordSizeForTypos.oneTypo,
    twoTypos: s.typoTolerance.minWordSizeForTypos.twoTypos,
    disableOnWords: s.typoTolerance.disableOnWords,
    disableOnNumbers: s.typoTolerance.disableOnNumbers,
  };
  const spans: Span[] = [];
  for (let p = 0; p < tokens.length; p++) {
    for (const term of terms) {
      for (const alt of term.alternatives) {
        if (p + alt.length > tokens.length) continue;
        const parts: Span[] = [];
        for (let k = 0; k < alt.length; k++) {
          const tok = tokens[p + k];
          const m = matchWord(alt[k], tok.norm, term.prefix && alt.length === 1, tok.han, rules);
          if (!m) break;
          // A prefix match lights up only the typed part ("sti" in "sticker").
          const len = m.exact || m.typos > 0 ? tok.end - tok.start : Math.min(m.length, tok.end - tok.start);
          parts.push({ start: tok.start, end: tok.start + len });
        }
        if (parts.length === alt.length) spans.push(...parts);
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const sp of spans) {
    const last = merged[merged.length - 1];
    if (last && sp.start < last.end) last.end = Math.max(last.end, sp.end);
    else merged.push({ ...sp });
  }
  return merged;
}

function highlight(text: string, from: number, to: number, spans: Span[], pre: string, post: string): string {
  let out = '';
  let at = from;
  for (const sp of spans) {
    if (sp.end <= from || sp.start >= to) continue;
    const a = Math.max(sp.start, from);
    const b = Math.min(sp.end, to);
    out += text.slice(at, a) + pre + text.slice(a, b) + post;
    at = b;
  }
  return out + text.slice(at, to);
}

function formatText(text: string, opts: { highlight: boolean; crop: number | null }, terms: readonly Term[], s: StubSettings, tokenizer: Tokenizer, body: SearchBody): string {
  const tokens = tokenizer.tokenize(text);
  const spans = opts.highlight ? matchedSpans(tokens, terms, s) : [];
  const pre = body.highlightPreTag ?? '<em>';
  const post = body.highlightPostTag ?? '</em>';
  if (opts.crop === null || tokens.length <= opts.crop) return highlight(text, 0, text.length, spans, pre, post);
  const marker = body.cropMarker ?? '…';
  const allSpans = opts.highlight ? spans : matchedSpans(tokens, terms, s);
  const firstMatch = allSpans.length ? tokens.findIndex((t) => t.end > allSpans[0].start) : 0;
  const first = Math.max(0, Math.min(firstMatch - Math.floor((opts.crop - 1) / 2), tokens.length - opts.crop));
  const last = first + opts.crop - 1;
  const from = first === 0 ? 0 : tokens[first].start;
  const to = last >= tokens.length - 1 ? text.length : tokens[last].end;
  return (from > 0 ? marker : '') + highlight(text, from, to, spans, pre, post) + (to < text.length ? marker : '');
}

function formatValue(value: unknown, fmt: (t: string) => string): unknown {
  if (typeof value === 'string') return fmt(value);
  if (Array.isArray(value)) return value.map((v) => formatValue(v, fmt));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, formatValue(v, fmt)]));
  }
  return value;
}

function expand(list: readonly string[] | null | undefined, all: string[]): string[] {
  if (!list) return [];
  return list.includes('*') ? all : list.filter((a) => all.includes(a));
}

export function formatHit(doc: Record<string, unknown>, body: SearchBody, terms: readonly Term[], s: StubSettings, tokenizer: Tokenizer): Record<string, unknown> {
  const displayed = s.displayedAttributes.includes('*') ? Object.keys(doc) : s.displayedAttributes.filter((a) => a in doc);
  const retrieved = body.attributesToRetrieve ? expand(body.attributesToRetrieve, displayed) : displayed;
  const hit: Record<string, unknown> = Object.fromEntries(retrieved.map((a) => [a, doc[a]]));
  const highlighted = new Set(expand(body.attributesToHighlight, displayed));
  const cropped = new Map<string, number>();
  for (const spec of body.attributesToCrop ?? []) {
    const [name, len] = spec.split(':');
    for (const a of expand([name], displayed)) cropped.set(a, len ? Number(len) : (body.cropLength ?? 10));
  }
  if (!highlighted.size && !cropped.size) return hit;
  const formatted: Record<string, unknown> = {};
  for (const a of new Set([...retrieved, ...highlighted, ...cropped.keys()])) {
    const opts = { highlight: highlighted.has(a), crop: cropped.get(a) ?? null };
    formatted[a] = opts.highlight || opts.crop !== null ? formatValue(doc[a], (t) => formatText(t, opts, terms, s, tokenizer, body)) : doc[a];
  }
  hit._formatted = formatted;
  return hit;
}
