import { formatFen, fenToYuan } from '../shared/money';
import type { ImageRow, ProductRow } from './product-repository';
import type { FitBadge } from '../fitment';

export interface ImageView {
  src: string;
  srcset: string;
  fallback: string;
  width: number;
  height: number;
  alt: string;
}

export interface ProductCard {
  id: number;
  slug: string;
  url: string;
  title: string;
  nameEn: string;
  price: string;
  priceYuan: number;
  compareAt: string | null;
  inStock: boolean;
  stock: number;
  image: ImageView | null;
  /** Set for the shopper's car by the fitment feature (FitmentShop.withBadges). */
  fitBadge?: FitBadge;
}

interface StoredVariant {
  width: number;
  height: number;
  key: string;
  format: 'webp' | 'jpg';
}

export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

export function toImageView(row: ImageRow, fallbackAlt: string): ImageView | null {
  let variants: StoredVariant[];
  try {
    variants = JSON.parse(row.variants) as StoredVariant[];
  } catch {
    return null;
  }
  const webp = variants.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width);
  const jpg = variants.find((v) => v.format === 'jpg');
  if (webp.length === 0) return null;
  const mid = webp.find((v) => v.width >= 640) ?? webp[webp.length - 1];
  return {
    src: mediaUrl(mid.key),
    srcset: webp.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(', '),
    fallback: jpg ? mediaUrl(jpg.key) : mediaUrl(mid.key),
    width: mid.width,
    height: mid.height,
    alt: row.alt || fallbackAlt,
  };
}

export function toCard(row: ProductRow, cover: ImageRow | undefined): ProductCard {
  return {
    id: row.id,
    slug: row.slug,
    url: `/p/${row.slug}`,
    title: row.title,
    nameEn: row.name_en,
    price: formatFen(row.price_fen),
    priceYuan: fenToYuan(row.price_fen),
    compareAt: row.compare_at_fen && row.compare_at_fen > row.price_fen ? formatFen(row.compare_at_fen) : null,
    inStock: row.stock > 0,
    stock: row.stock,
    image: cover ? toImageView(cover, row.title) : null,
  };
}
