/**
 * Real parallel logins against a listening server: one login form (its anonymous session cookie
 * and the CSRF token bound to it) is fetched once, then every attempt is fired at the same time
 * over its own HTTP request. The client address comes from X-Forwarded-For (TRUST_PROXY on).
 */
export interface LoginForm {
  cookie: string;
  csrf: string;
}

export async function fetchLoginForm(base: string): Promise<LoginForm> {
  const res = await fetch(`${base}/admin/login`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const m = /name="_csrf" value="([^"]+)"/.exec(await res.text());
  if (!m) throw new Error('no CSRF token on /admin/login');
  return { cookie, csrf: m[1] };
}

export interface LoginAttempt {
  email: string;
  password: string;
  ip: string;
}

export interface LoginOutcome {
  status: number;
  code: string | null;
  retryAfter: string | null;
}

export async function postLogin(base: string, form: LoginForm, a: LoginAttempt): Promise<LoginOutcome> {
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': a.ip, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ _csrf: form.csrf, email: a.email, password: a.password }).toString(),
  });
  const text = await res.text();
  return { status: res.status, code: /data-code="([^"]+)"/.exec(text)?.[1] ?? null, retryAfter: res.headers.get('retry-after') };
}

/** All attempts at once; resolves when every response has arrived. */
export function loginBurst(base: string, form: LoginForm, attempts: LoginAttempt[]): Promise<LoginOutcome[]> {
  return Promise.all(attempts.map((a) => postLogin(base, form, a)));
}

let block = 0;
/** `n` client addresses no other burst in this process uses. */
export function distinctIps(n: number): string[] {
  block += 1;
  return Array.from({ length: n }, (_, i) => `10.${block}.${Math.floor(i / 250)}.${(i % 250) + 1}`);
}

export function countBy(outcomes: LoginOutcome[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const o of outcomes) out[o.status] = (out[o.status] ?? 0) + 1;
  return out;
}
