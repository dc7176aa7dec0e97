import type { RequestHandler } from 'express';
import expressLayouts from 'express-ejs-layouts';
import type { Assets } from './assets';
import type { AppContext } from './context';
import { UI } from './ui-strings';

/** Escapes JSON for a <script type="application/ld+json"> block: no `<` can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The contact address is never written out as plain text: each character becomes an entity and
 * decoy spans (hidden from people and assistive tech alike) break the string for harvesters.
 */
export function protectedEmail(address: string): string {
  const [user, domain] = address.split('@');
  const entities = (s: string) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('');
  return `<span class="contact-email">${entities(user)}<span hidden>.nospam</span>&#64;<span hidden>invalid.</span>${entities(domain)}</span>`;
}

/**
 * Everything a render needs: the layout wrapper and the locals every view reads. It runs after the
 * page cache (a cache hit renders nothing), and the error handler applies it again before an error
 * page, so errors raised before it still render in the layout and without a failed page's locals.
 */
export function viewSetup(ctx: AppContext, assets: Assets): RequestHandler {
  // The same for every request: computed once, not per request.
  const shared = Object.freeze({
    asset: assets.url,
    ui: UI,
    jsonForScript,
    contactEmailHtml: protectedEmail(UI.contactEmail),
    // Never the Host header: a forged one would end up in canonical links, feeds and the page cache.
    canonicalBase: ctx.config.publicUrl,
  });
  return (req, res, next) => {
    Object.assign(res.locals, shared, {
      currentPath: req.path,
      title: UI.siteName,
      description: UI.tagline,
      headExtra: '',
      searchQuery: '',
      jsonLd: [],
      openGraph: null,
      canonical: null,
    });
    expressLayouts(req, res, next);
  };
}
