import type { RequestHandler } from 'express';
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

export function viewHelpers(ctx: AppContext, assets: Assets): RequestHandler {
  return (req, res, next) => {
    Object.assign(res.locals, {
      asset: assets.url,
      ui: UI,
      jsonForScript,
      contactEmailHtml: protectedEmail(UI.contactEmail),
      currentPath: req.path,
      // Never the Host header: a forged one would end up in canonical links, feeds and the page cache.
      canonicalBase: ctx.config.publicUrl,
      title: UI.siteName,
      description: UI.tagline,
      headExtra: '',
      searchQuery: '',
      jsonLd: [],
      openGraph: null,
      canonical: null,
    });
    next();
  };
}
