import type { Express } from 'express';
import request from 'supertest';

/** `qp_garage=…` from a response's Set-Cookie, '' when the response cleared it, undefined when untouched. */
export function garageCookieFrom(res: request.Response): string | undefined {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  const line = header?.find((c) => c.startsWith('qp_garage='));
  if (!line) return undefined;
  const value = line.split(';')[0];
  return value === 'qp_garage=' ? '' : value;
}

/** Picks a vehicle the way the no-JS header form does (one GET with all three) and returns the new cookie. */
export async function pickVehicle(app: Express, v: { make: string; model: string; year: number }, cookie = ''): Promise<string> {
  const res = await request(app)
    .get('/garage/select')
    .query({ make: v.make, model: v.model, year: String(v.year), return: '/products' })
    .set('Cookie', cookie)
    .set('Sec-Fetch-Site', 'same-origin')
    .expect(303);
  const next = garageCookieFrom(res);
  if (next === undefined) throw new Error('picking a vehicle did not set the garage cookie');
  return next;
}

export function bannerOf(html: string): string | null {
  const m = /<span class="garage-banner-text">([^<]*)<\/span>/.exec(html);
  return m ? m[1] : null;
}

/** The fit badge shown on the listing card linking to `slug`, or null when the card has none. */
export function cardBadge(html: string, slug: string): { kind: string; label: string } | null | undefined {
  const start = html.indexOf(`<a class="card-link" href="/p/${slug}">`);
  if (start < 0) return undefined;
  const end = html.indexOf('</li>', start);
  const m = /<span class="fit-badge fit-([a-z_]+)">([^<]*)<\/span>/.exec(html.slice(start, end));
  return m ? { kind: m[1], label: m[2] } : null;
}
