import { pinyin } from 'pinyin-pro';

/** URL slugs from Chinese or English titles: pinyin for Han characters, ASCII only, capped. */
export function slugify(text: string, maxLength = 80): string {
  const latin = pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('-');
  const slug = latin
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'item';
}
