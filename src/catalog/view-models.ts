import { mediaUrl, parseVariants, responsiveImage } from '../media';
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

export function toImageView(row: ImageRow, fallbackAlt: string): ImageView | null {
  const image = responsiveImage(parseVariants(row.variants), 640);
  return image ? { ...image, alt: row.alt || fallbackAlt } : null;
}

export { mediaUrl };

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
