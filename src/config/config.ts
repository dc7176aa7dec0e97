import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?|sqlite):\/\//, 'must start with postgres:// or sqlite://')
    .optional(),
  // PostgreSQL only: the schema every connection uses (search_path); created on first migrate.
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _ only (a PostgreSQL schema name)')
    .optional(),
  SEARCH_ENGINE: z.string().optional(),
  MEILI_URL: z.string().url('must be a URL such as http://127.0.0.1:7700').optional(),
  MEILI_API_KEY: z.string().optional(),
  MEILI_INDEX_PREFIX: z.string().regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, _ and - only').default('qipei_'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  TRUST_PROXY: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
  SEED_ON_START: boolish.default(true),
  // Order notifications; unset = messages are logged instead of sent.
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example:587').optional()),
});

/** Used only outside production (start-up refuses production without SESSION_SECRET). */
export const DEVELOPMENT_SESSION_SECRET = 'qipei-development-secret-not-for-production-use';

export const SEARCH_ENGINES = ['embedded', 'meilisearch'] as const;
export type SearchEngineName = (typeof SEARCH_ENGINES)[number];

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly dataDir: string;
  readonly mediaDir: string;
  readonly database: { readonly client: 'sqlite3'; readonly filename: string } | { readonly client: 'pg'; readonly url: string; readonly schema?: string };
  readonly search: {
    readonly engine: SearchEngineName;
    readonly meiliUrl?: string;
    readonly meiliApiKey?: string;
    readonly indexPrefix: string;
  };
  readonly sessionSecret: string;
  readonly logLevel: string;
  readonly trustProxy: boolean | number | string;
  /** The site's public origin (no trailing slash): every absolute URL the site writes starts with it. */
  readonly publicUrl: string;
  /** Allowed but unwise settings, logged once at start-up. */
  readonly warnings: readonly string[];
  readonly seedOnStart: boolean;
  readonly smtpUrl?: string;
}

export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

const TRUST_ALL_HOPS =
  'TRUST_PROXY: true trusts every X-Forwarded-For hop, so a client picks its own address (and escapes per-IP limits); give the hop count (e.g. 1) or the proxies\' subnet list';

/** A bare http(s) origin such as https://shop.example, returned without the trailing slash. */
function parsePublicUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const bare = (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return bare && !raw.includes('?') && !raw.includes('#') ? url.origin : null;
}

/** Reads and validates the environment once; every problem becomes one line naming its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];

  let engine: SearchEngineName = e.MEILI_URL ? 'meilisearch' : 'embedded';
  if (e.SEARCH_ENGINE !== undefined && e.SEARCH_ENGINE !== '') {
    if (!(SEARCH_ENGINES as readonly string[]).includes(e.SEARCH_ENGINE)) {
      problems.push(`SEARCH_ENGINE: unknown engine "${e.SEARCH_ENGINE}"; valid choices: ${SEARCH_ENGINES.join(', ')}`);
    } else {
      engine = e.SEARCH_ENGINE as SearchEngineName;
    }
  }
  if (engine === 'meilisearch' && !e.MEILI_URL) problems.push('MEILI_URL: required when SEARCH_ENGINE=meilisearch');
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) problems.push('SESSION_SECRET: required in production');
  const warnings: string[] = [];
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (trustProxy === true) (e.NODE_ENV === 'production' ? problems : warnings).push(TRUST_ALL_HOPS);
  let publicUrl = `http://localhost:${e.PORT}`;
  if (e.PUBLIC_URL) {
    const parsed = parsePublicUrl(e.PUBLIC_URL);
    if (parsed) publicUrl = parsed;
    else problems.push('PUBLIC_URL: must be the site\'s public origin, such as https://shop.example (http or https, no path, query or credentials)');
  } else if (e.NODE_ENV === 'production') {
    problems.push('PUBLIC_URL: required in production (the site\'s public origin, such as https://shop.example)');
  }

  const dataDir = path.resolve(e.DATA_DIR);
  let database: Config['database'];
  if (e.DATABASE_URL?.startsWith('postgres')) {
    database = e.DATABASE_SCHEMA ? { client: 'pg', url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA } : { client: 'pg', url: e.DATABASE_URL };
    // The embedded search engine lives in the SQLite file, so PostgreSQL deployments need Meilisearch.
    if (engine === 'embedded') {
      problems.push(
        e.SEARCH_ENGINE === 'embedded'
          ? 'SEARCH_ENGINE: the embedded engine needs SQLite; with DATABASE_URL=postgres://… use meilisearch and set MEILI_URL'
          : 'MEILI_URL: required with DATABASE_URL=postgres://… (the embedded search engine runs on SQLite only)',
      );
    }
  } else {
    if (e.DATABASE_SCHEMA) problems.push('DATABASE_SCHEMA: only meaningful with DATABASE_URL=postgres://…');
    const file = e.DATABASE_URL ? e.DATABASE_URL.replace(/^sqlite:\/\//, '') : path.join(dataDir, 'qipei.sqlite');
    database = { client: 'sqlite3', filename: path.resolve(file) };
  }
  if (problems.length) throw new ConfigError(problems);

  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    dataDir,
    mediaDir: path.join(dataDir, 'media'),
    database: Object.freeze(database),
    search: Object.freeze({
      engine,
      meiliUrl: e.MEILI_URL,
      meiliApiKey: e.MEILI_API_KEY,
      indexPrefix: e.MEILI_INDEX_PREFIX,
    }),
    sessionSecret: e.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    trustProxy,
    publicUrl,
    warnings: Object.freeze(warnings),
    seedOnStart: e.SEED_ON_START,
    smtpUrl: e.SMTP_URL,
  });
}

/** For entry points: the config, or one stderr line per invalid variable and exit code 1. */
export function loadConfigOrExit(tool: string): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const line of err.lines) process.stderr.write(`${tool}: invalid configuration: ${line}\n`);
      process.exit(1);
    }
    throw err;
  }
}
