import fs from 'node:fs';
import path from 'node:path';

/** The source page the shop was built from (shared/seed-page.txt), read as the tests' ground truth. */
export const SEED_PAGE = fs.readFileSync(path.resolve(__dirname, '../../fixtures/shared/seed-page.txt'), 'utf8');

const lines = SEED_PAGE.split('\n');
const titleIndex = lines.findIndex((l) => l.startsWith('Kim, Putin'));
const firstParagraph = lines.findIndex((l) => l.startsWith('North Korean leader'));

export const STORY = {
  slug: 'kim-putin-exchange-messages-liberation-anniversary',
  title: lines[titleIndex],
  /** The timestamp and counter line: `2024-09-21 05:32:44      点击:003`. */
  metaLine: lines.slice(titleIndex + 1).find((l) => l.trim() !== '')!.trim(),
  /** The clean caption line (the page also carries a copy with a stray `<strong></strong>`). */
  captionLine: lines.find((l) => l.startsWith('In this 2019'))!,
  dirtyCaptionLine: lines.find((l) => l.startsWith('In this <strong>'))!,
  paragraphs: lines.slice(firstParagraph).filter((l) => l.trim() !== ''),
};

/** HTML escaping exactly as EJS's `<%=` does it. */
export function ejsEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!);
}

export function countOccurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** The page as a reader sees it: without scripts (JSON-LD) and head metadata. */
export function visibleMarkup(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return body.replace(/<script[\s\S]*?<\/script>/g, '');
}

export function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]) as Record<string, unknown>);
}

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
