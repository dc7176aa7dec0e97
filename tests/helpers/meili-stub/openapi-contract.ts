import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** The official Meilisearch OpenAPI 1.53 document; the stub checks both directions against it. */
export const OPENAPI_PATH = path.resolve(__dirname, '../../fixtures/shared/meilisearch-openapi.json');

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type PathItem = Record<string, Operation>;
interface OpenApiDocument {
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, unknown> };
}

export interface MatchedOperation {
  readonly template: string;
  readonly params: Record<string, string>;
  readonly operation: Operation;
}

/**
 * Errata: places where the document disagrees with what Meilisearch (and its official client)
 * really exchange. Each one is narrow and explained, so everything else is checked as written.
 */
function applyErrata(doc: OpenApiDocument): void {
  const s = doc.components.schemas;
  // AttributePatterns is `#[serde(transparent)]` in Meilisearch: on the wire `facets` is a plain
  // array of strings (["genre"]); utoipa documents the Rust struct instead.
  s.AttributePatterns = {
    oneOf: [{ type: 'array', items: { type: 'string' } }, s.AttributePatterns],
  };
  // Meilisearch rejects unknown fields in these bodies (deserr deny_unknown_fields: "Unknown field
  // `x`"); the document leaves additionalProperties open, which would let typos through silently.
  for (const name of ['SearchQuery', 'Settings_Unchecked', 'TypoSettings', 'MinWordSizeTyposSetting', 'FacetingSettings', 'PaginationSettings', 'LocalizedAttributesRuleView']) {
    (s[name] as Record<string, unknown>).additionalProperties = false;
  }
}

const U_INT_MAX: Record<string, number> = { 'u-int8': 255, 'u-int32': 4294967295, 'u-int64': Number.MAX_SAFE_INTEGER };

export class OpenApiContract {
  private readonly doc: OpenApiDocument;
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; regex: RegExp; names: string[] }[];

  constructor(file = OPENAPI_PATH) {
    this.doc = JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApiDocument;
    applyErrata(this.doc);
    // strict: false because the document carries OpenAPI keywords (example, discriminator…) that
    // are not JSON Schema vocabulary; they carry no constraints.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    for (const [name, max] of Object.entries(U_INT_MAX)) {
      this.ajv.addFormat(name, { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 && n <= max });
    }
    for (const name of ['double', 'float', 'int64', 'password']) this.ajv.addFormat(name, true);
    // The whole document is registered once so `#/components/schemas/...` refs resolve against it.
    this.ajv.addSchema({ $id: 'meili', components: this.doc.components }, 'meili');
    this.templates = Object.keys(this.doc.paths).map((template) => {
      const names: string[] = [];
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, n: string) => {
        names.push(n);
        return '([^/]+)';
      });
      return { template, regex: new RegExp(`^${source}$`), names };
    });
    // Literal segments must win over `{param}` ones (e.g. /documents/delete-batch vs /documents/{id}).
    this.templates.sort((a, b) => a.names.length - b.names.length);
  }

  match(method: string, pathname: string): MatchedOperation | null {
    for (const t of this.templates) {
      const m = t.regex.exec(pathname);
      if (!m) continue;
      const op = this.doc.paths[t.template][method.toLowerCase()];
      if (!op) continue;
      const params: Record<string, string> = {};
      t.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      return { template: t.template, params, operation: op };
    }
    return null;
  }

  /** Problems with the request, empty when it honours the contract. */
  checkRequest(op: MatchedOperation, query: URLSearchParams, body: unknown, hasBody: boolean): string[] {
    const problems: string[] = [];
    const allowed = new Set((op.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    for (const key of query.keys()) {
      if (!allowed.has(key)) problems.push(`query parameter "${key}" is not documented for ${op.template}`);
    }
    for (const p of op.operation.parameters ?? []) {
      if (p.in === 'query' && p.required && !query.has(p.name)) problems.push(`query parameter "${p.name}" is required`);
    }
    const rb = op.operation.requestBody;
    if (!rb) {
      if (hasBody) problems.push(`${op.template} takes no request body`);
      return problems;
    }
    if (!hasBody) {
      if (rb.required) problems.push('request body is required');
      return problems;
    }
    const schema = rb.content?.['application/json']?.schema;
    if (schema === undefined) return [...problems, 'request body must not be JSON here'];
    problems.push(...this.validate(schema, body, 'request body'));
    return problems;
  }

  /** Problems with a response the stub is about to send. */
  checkResponse(op: MatchedOperation, status: number, body: unknown): string[] {
    const documented = op.operation.responses?.[String(status)];
    if (!documented) {
      // Meilisearch answers 400 on bad input on most routes the document lists without a 400;
      // such errors must still have the documented error shape.
      if (status >= 400) return this.validate({ $ref: '#/components/schemas/ResponseError' }, body, `response ${status}`);
      return [`status ${status} is not documented for ${op.template}`];
    }
    const schema = documented.content?.['application/json']?.schema;
    if (schema === undefined) return body === undefined ? [] : [`response ${status} must have no JSON body`];
    return this.validate(schema, body, `response ${status}`);
  }

  private validate(schema: unknown, value: unknown, what: string): string[] {
    const key = JSON.stringify(schema);
    let fn = this.cache.get(key);
    if (!fn) {
      const rebased = JSON.parse(key.replace(/"#\/components\//g, '"meili#/components/')) as object;
      fn = this.ajv.compile(rebased);
      this.cache.set(key, fn);
    }
    if (fn(value)) return [];
    return (fn.errors ?? []).slice(0, 5).map((e) => `${what}${e.instancePath} ${e.message ?? 'invalid'}`);
  }
}
