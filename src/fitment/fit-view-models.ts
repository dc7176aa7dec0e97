import type { ActiveVehicle, FitmentStatus } from './fitment-status';
import type { FitmentKind } from './fitment-types';
import { FITMENT_KINDS } from './fitment-types';
import type { GarageCookie, GarageEntry } from './garage-cookie';
import { SHOP_TEXT, specLabel, vehicleLabel } from './shop-strings';

/** What a product card shows about fit; views/partials/product-card.ejs renders it. */
export interface FitBadge {
  readonly kind: 'fits' | 'universal' | 'unknown' | 'no_fit';
  readonly label: string;
}

export interface ShopperVehicle extends ActiveVehicle {
  /** 宝骏 730 (2016款) */
  readonly label: string;
  /** /vehicles/baojun/730 (make page when no model) */
  readonly url: string;
}

export interface GarageVehicle extends ShopperVehicle {
  readonly index: number;
  readonly entry: GarageEntry;
}

export interface GarageState {
  /** The cookie as read, minus entries that no longer resolve. */
  readonly cookie: GarageCookie;
  readonly vehicles: readonly GarageVehicle[];
  readonly active: GarageVehicle | null;
}

export interface FitTableRow {
  readonly make: string;
  readonly makeUrl: string;
  readonly model: string;
  readonly modelUrl: string | null;
  readonly years: string;
  readonly position: string | null;
  readonly note: string;
}

/** Data for views/fitment/fit-box.ejs. */
export interface FitBoxModel {
  readonly kind: FitmentKind;
  readonly status: FitmentStatus;
  readonly badge: FitBadge | null;
  readonly message: string;
  readonly vehicle: ShopperVehicle | null;
  readonly rows: readonly FitTableRow[];
  readonly pickerUrl: string;
}

export function toShopperVehicle(v: ActiveVehicle): ShopperVehicle {
  const url = v.modelSlug ? `/vehicles/${v.makeSlug}/${v.modelSlug}` : `/vehicles/${v.makeSlug}`;
  return { ...v, label: vehicleLabel(v), url };
}

export function badgeOf(kind: FitmentKind, spec: string | null, status: FitmentStatus | null): FitBadge | null {
  if (kind === 'universal') return { kind: 'universal', label: SHOP_TEXT.badge.universal };
  if (kind === 'spec') {
    const s = specLabel(spec);
    return { kind: 'universal', label: s ? `${SHOP_TEXT.badge.spec} ${s}` : SHOP_TEXT.badge.spec };
  }
  // Without a chosen car a vehicle-specific part is neither fitting nor not: say nothing.
  if (status === null) return null;
  if (status === 'fits') return { kind: 'fits', label: SHOP_TEXT.badge.fits };
  if (status === 'no_fit') return { kind: 'no_fit', label: SHOP_TEXT.badge.no_fit };
  return { kind: 'unknown', label: SHOP_TEXT.badge.unknown };
}

export function asKind(v: unknown): FitmentKind {
  return (FITMENT_KINDS as readonly unknown[]).includes(v) ? (v as FitmentKind) : 'unknown';
}

export function modelDate(from: number | null, to: number | null): string | undefined {
  if (from === null && to === null) return undefined;
  if (from !== null && to !== null) return from === to ? String(from) : `${from}/${to}`;
  return from !== null ? `${from}/..` : `../${to}`;
}
