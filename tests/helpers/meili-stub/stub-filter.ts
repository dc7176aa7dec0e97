/**
 * Meilisearch filter expressions: `=`, `!=`, `>`, `>=`, `<`, `<=`, `a TO b`, `IN [...]`, `NOT IN`,
 * `EXISTS`, `IS NULL`, `IS EMPTY`, `AND`, `OR`, `NOT`, parentheses, and the array form
 * (outer AND of inner ORs). Values compare case-insensitively, numbers numerically.
 */
import { normalize } from './stub-text';

export type FilterNode =
  | { kind: 'and' | 'or'; items: FilterNode[] }
  | { kind: 'not'; item: FilterNode }
  | { kind: 'cmp'; attr: string; op: '=' | '!=' | '>' | '>=' | '<' | '<='; value: string }
  | { kind: 'range'; attr: string; from: string; to: string }
  | { kind: 'in'; attr: string; values: string[] }
  | { kind: 'exists' | 'null' | 'empty'; attr: string };

export class FilterError extends Error {}

type Tok = { t: 'word' | 'str' | 'op' | 'punct'; v: string };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        v += src[j++];
      }
      if (j >= src.length) throw new FilterError(`unterminated string in filter at ${i}`);
      out.push({ t: 'str', v });
      i = j + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '>=' || two === '<=') { out.push({ t: 'op', v: two }); i += 2; continue; }
    if (c === '=' || c === '>' || c === '<') { out.push({ t: 'op', v: c }); i++; continue; }
    if ('()[],'.includes(c)) { out.push({ t: 'punct', v: c }); i++; continue; }
    let j = i;
    while (j < src.length && !/[\s()[\],=!<>"']/.test(src[j])) j++;
    if (j === i) throw new FilterError(`unexpected character \`${c}\` in filter at ${i}`);
    out.push({ t: 'word', v: src.slice(i, j) });
    i = j;
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.i < this.toks.length) throw new FilterError(`unexpected \`${this.toks[this.i].v}\` in filter`);
    return node;
  }
  private peekKw(kw: string): boolean {
    const t = this.toks[this.i];
    return t !== undefined && t.t === 'word' && t.v.toUpperCase() === kw;
  }
  private take(): Tok {
    const t = this.toks[this.i++];
    if (!t) throw new FilterError('filter ended unexpectedly');
    return t;
  }
  private or(): FilterNode {
    const items = [this.and()];
    while (this.peekKw('OR')) { this.i++; items.push(this.and()); }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }
  private and(): FilterNode {
    const items = [this.not()];
    while (this.peekKw('AND')) { this.i++; items.push(this.not()); }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }
  private not(): FilterNode {
    if (this.peekKw('NOT')) { this.i++; return { kind: 'not', item: this.not() }; }
    const t = this.toks[this.i];
    if (t && t.t === 'punct' && t.v === '(') {
      this.i++;
      const inner = this.or();
      const close = this.take();
      if (close.v !== ')') throw new FilterError('expected `)` in filter');
      return inner;
    }
    return this.condition();
  }
  private value(): string {
    const t = this.take();
    if (t.t !== 'word' && t.t !== 'str') throw new FilterError(`expected a value, found \`${t.v}\``);
    return t.v;
  }
  private condition(): FilterNode {
    const attrTok = this.take();
    if (attrTok.t !== 'word' && attrTok.t !== 'str') throw new FilterError(`expected an attribute, found \`${attrTok.v}\``);
    const attr = attrTok.v;
    const next = this.toks[this.i];
    if (!next) throw new FilterError(`expected an operator after \`${attr}\``);
    if (next.t === 'op') {
      this.i++;
      return { kind: 'cmp', attr, op: next.v as '=', value: this.value() };
    }
    if (this.peekKw('IN')) { this.i++; return { kind: 'in', attr, values: this.list() }; }
    if (this.peekKw('EXISTS')) { this.i++; return { kind: 'exists', attr }; }
    if (this.peekKw('IS')) {
      this.i++;
      const negate = this.peekKw('NOT');
      if (negate) this.i++;
      const what = this.take().v.toUpperCase();
      if (what !== 'NULL' && what !== 'EMPTY') throw new FilterError(`expected NULL or EMPTY after IS`);
      const node: FilterNode = { kind: what === 'NULL' ? 'null' : 'empty', attr };
      return negate ? { kind: 'not', item: node } : node;
    }
    if (this.peekKw('NOT')) {
      this.i++;
      if (this.peekKw('IN')) { this.i++; return { kind: 'not', item: { kind: 'in', attr, values: this.list() } }; }
      if (this.peekKw('EXISTS')) { this.i++; return { kind: 'not', item: { kind: 'exists', attr } }; }
      throw new FilterError('expected IN or EXISTS after NOT');
    }
    const from = this.value();
    if (!this.peekKw('TO')) throw new FilterError(`expected an operator after \`${attr}\``);
    this.i++;
    return { kind: 'range', attr, from, to: this.value() };
  }
  private list(): string[] {
    const open = this.take();
    if (open.v !== '[') throw new FilterError('expected `[` after IN');
    const values: string[] = [];
    while (this.toks[this.i]?.v !== ']') {
      values.push(this.value());
      if (this.toks[this.i]?.v === ',') this.i++;
      else if (this.toks[this.i]?.v !== ']') throw new FilterError('expected `,` or `]` in IN list');
    }
    this.i++;
    return values;
  }
}

export function parseFilter(filter: unknown): FilterNode | null {
  if (filter === null || filter === undefined) return null;
  if (typeof filter === 'string') return filter.trim() === '' ? null : new Parser(lex(filter)).parse();
  if (Array.isArray(filter)) {
    const items = filter.map((f): FilterNode | null => {
      if (Array.isArray(f)) {
        const ors = f.map((g) => parseFilter(g)).filter((n): n is FilterNode => n !== null);
        return ors.length ? { kind: 'or', items: ors } : null;
      }
      return parseFilter(f);
    });
    const kept = items.filter((n): n is FilterNode => n !== null);
    return kept.length ? { kind: 'and', items: kept } : null;
  }
  throw new FilterError('filter must be a string or an array');
}

export function filterAttributes(node: FilterNode | null, out = new Set<string>()): Set<string> {
  if (!node) return out;
  switch (node.kind) {
    case 'and':
    case 'or':
      node.items.forEach((n) => filterAttributes(n, out));
      break;
    case 'not':
      filterAttributes(node.item, out);
      break;
    default:
      out.add(node.attr);
  }
  return out;
}

/** Every value at a dotted path, arrays flattened (as Meilisearch facets them). */
export function valuesAt(doc: unknown, attr: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of attr.split('.')) {
    const next: unknown[] = [];
    for (const v of current) {
      const items = Array.isArray(v) ? v : [v];
      for (const item of items) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item) && part in item) next.push((item as Record<string, unknown>)[part]);
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

function equals(v: unknown, target: string): boolean {
  if (typeof v === 'number') return target.trim() !== '' && Number(target) === v;
  if (typeof v === 'boolean') return normalize(target) === String(v);
  if (typeof v === 'string') return normalize(v) === normalize(target);
  return false;
}

function compare(v: unknown, op: string, target: string): boolean {
  const n = Number(target);
  if (typeof v !== 'number' || Number.isNaN(n)) return false;
  switch (op) {
    case '>': return v > n;
    case '>=': return v >= n;
    case '<': return v < n;
    case '<=': return v <= n;
    default: return false;
  }
}

export function evaluate(node: FilterNode, doc: Record<string, unknown>): boolean {
  switch (node.kind) {
    case 'and': return node.items.every((n) => evaluate(n, doc));
    case 'or': return node.items.some((n) => evaluate(n, doc));
    case 'not': return !evaluate(node.item, doc);
    case 'in': return valuesAt(doc, node.attr).some((v) => node.values.some((t) => equals(v, t)));
    case 'exists': return valuesAt(doc, node.attr).length > 0 || node.attr.split('.')[0] in doc;
    case 'null': return valuesAt(doc, node.attr).some((v) => v === null);
    case 'empty': return valuesAt(doc, node.attr).some((v) => v === '' || (typeof v === 'object' && v !== null && Object.keys(v).length === 0));
    case 'range': return valuesAt(doc, node.attr).some((v) => compare(v, '>=', node.from) && compare(v, '<=', node.to));
    case 'cmp': {
      const values = valuesAt(doc, node.attr);
      if (node.op === '=') return values.some((v) => equals(v, node.value));
      if (node.op === '!=') return !values.some((v) => equals(v, node.value));
      return values.some((v) => compare(v, node.op, node.value));
    }
  }
}
