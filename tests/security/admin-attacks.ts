/**
 * Attacks on the admin area, written as helpers over a supertest agent so they work on whatever
 * forms the admin pages render: the crawler finds every POST form, and each is replayed without
 * its CSRF token. Nothing here knows the admin's field names beyond the input types.
 */
import type { Agent, Response } from 'supertest';

export interface HtmlForm {
  /** The page the form was found on. */
  page: string;
  action: string;
  method: string;
  multipart: boolean;
  fields: Record<string, string>;
  inputTypes: Record<string, string>;
}

const TOKEN_NAME = /csrf|xsrf|token/i;

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]).replace(/&amp;/g, '&').replace(/&#34;|&quot;/g, '"') : undefined;
}

/** Regex-level form extraction: enough for our own server-rendered markup (it passes the Nu checker). */
export function extractForms(html: string, page: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const open = `<form${m[1]}>`;
    const method = (attr(open, 'method') ?? 'get').toUpperCase();
    const fields: Record<string, string> = {};
    const inputTypes: Record<string, string> = {};
    for (const input of m[2].matchAll(/<(input|textarea|select)\b([^>]*)>/gi)) {
      const name = attr(input[0], 'name');
      if (!name) continue;
      const type = input[1].toLowerCase() === 'input' ? (attr(input[0], 'type') ?? 'text').toLowerCase() : input[1].toLowerCase();
      if (type === 'file' || type === 'submit') continue;
      inputTypes[name] = type;
      fields[name] = attr(input[0], 'value') ?? '';
    }
    forms.push({ page, action: attr(open, 'action') ?? page, method, multipart: /multipart/i.test(attr(open, 'enctype') ?? ''), fields, inputTypes });
  }
  return forms;
}

/** Breadth-first over same-site /admin links and redirects, collecting every POST form. */
export async function crawlAdminForms(agent: Agent, start: string[] = ['/admin'], maxPages = 200): Promise<HtmlForm[]> {
  const seen = new Set<string>();
  const queue = [...start];
  const forms: HtmlForm[] = [];
  while (queue.length && seen.size < maxPages) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await agent.get(url);
    const location = String(res.headers.location ?? '');
    if (res.status >= 300 && res.status < 400 && location.startsWith('/admin')) queue.push(location);
    if (res.status !== 200 || !/html/.test(String(res.headers['content-type']))) continue;
    forms.push(...extractForms(res.text, url).filter((f) => f.method === 'POST'));
    for (const link of res.text.matchAll(/href="(\/admin[^"#]*)"/g)) {
      const href = link[1].replace(/&amp;/g, '&');
      // Logging out mid-crawl would turn every later page into the login page.
      if (!seen.has(href) && !/logout/.test(href)) queue.push(href);
    }
  }
  return forms;
}

function send(agent: Agent, form: HtmlForm, fields: Record<string, string>): Promise<Response> {
  const req = agent.post(form.action);
  if (form.multipart) {
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req;
  }
  return req.type('form').send(fields);
}

/** Posts every form without its token fields (and without any token header): each must be 403. */
export async function postWithoutCsrfToken(agent: Agent, forms: HtmlForm[]): Promise<{ form: string; status: number }[]> {
  const out: { form: string; status: number }[] = [];
  for (const f of forms) {
    const fields = Object.fromEntries(Object.entries(f.fields).filter(([k]) => !TOKEN_NAME.test(k)));
    out.push({ form: `${f.method} ${f.action} (from ${f.page})`, status: (await send(agent, f, fields)).status });
  }
  return out;
}

/** Posts every form with a token that belongs to another session: each must be 403 too. */
export async function postWithForeignCsrfToken(agent: Agent, forms: HtmlForm[], foreignToken: string): Promise<{ form: string; status: number }[]> {
  const out: { form: string; status: number }[] = [];
  for (const f of forms) {
    const fields = Object.fromEntries(Object.entries(f.fields).map(([k, v]) => [k, TOKEN_NAME.test(k) ? foreignToken : v]));
    out.push({ form: `${f.method} ${f.action} (from ${f.page})`, status: (await send(agent, f, fields)).status });
  }
  return out;
}

export interface BruteForceResult {
  statuses: number[];
  /** 1-based attempt number of the first 429, or null. */
  limitedAt: number | null;
  retryAfter: string | null;
}

/**
 * Wrong passwords against the login form, fetching a fresh form (and CSRF token) each time the
 * way a scripted attacker would, until the server answers 429 or `attempts` run out.
 */
export async function bruteForceLogin(agent: Agent, opts: { loginPath?: string; email: string; attempts?: number }): Promise<BruteForceResult> {
  const loginPath = opts.loginPath ?? '/admin/login';
  const statuses: number[] = [];
  for (let i = 1; i <= (opts.attempts ?? 30); i++) {
    const page = await agent.get(loginPath);
    const form = extractForms(page.text, loginPath).find((f) => f.method === 'POST');
    if (!form) throw new Error(`no POST form on ${loginPath} (status ${page.status})`);
    const fields = { ...form.fields };
    for (const [name, type] of Object.entries(form.inputTypes)) {
      if (type === 'email' || /email|user/i.test(name)) fields[name] = opts.email;
      if (type === 'password') fields[name] = `wrong-password-${i}`;
    }
    const res = await send(agent, form, fields);
    statuses.push(res.status);
    if (res.status === 429) return { statuses, limitedAt: i, retryAfter: res.headers['retry-after'] ?? null };
  }
  return { statuses, limitedAt: null, retryAfter: null };
}
