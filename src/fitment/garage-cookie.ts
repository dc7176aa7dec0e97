import { z } from 'zod';

/** The page cache (src/app/page-cache.ts) varies on exactly this name. */
export const GARAGE_COOKIE = 'qp_garage';
export const GARAGE_MAX_VEHICLES = 5;
/** Five entries of slugs and a year encode to ~250 characters; anything much longer is not ours. */
const MAX_COOKIE_LENGTH = 1024;

/** One saved vehicle as the cookie stores it: slugs survive re-seeding, database ids may not. */
export interface GarageEntry {
  readonly make: string;
  readonly model: string;
  readonly year: number | null;
}

export interface GarageCookie {
  readonly entries: readonly GarageEntry[];
  /** Index into entries of the vehicle the shopper is shopping for. */
  readonly active: number;
}

export const EMPTY_GARAGE: GarageCookie = Object.freeze({ entries: [], active: 0 });

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
const cookieSchema = z.object({
  v: z.array(z.tuple([slug, slug, z.number().int().min(1900).max(2100).nullable()])).max(GARAGE_MAX_VEHICLES),
  a: z.number().int().min(0).max(GARAGE_MAX_VEHICLES - 1),
});

export function encodeGarage(garage: GarageCookie): string {
  const json = JSON.stringify({ v: garage.entries.map((e) => [e.make, e.model, e.year]), a: garage.active });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/**
 * The cookie is the shopper's to edit, so anything that is not exactly what encodeGarage writes
 * (bad base64, bad JSON, wrong shape, too many vehicles) reads as an empty garage, never an error.
 */
export function decodeGarage(raw: string | undefined | null): GarageCookie {
  if (!raw || raw.length > MAX_COOKIE_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) return EMPTY_GARAGE;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return EMPTY_GARAGE;
  }
  const parsed = cookieSchema.safeParse(data);
  if (!parsed.success) return EMPTY_GARAGE;
  const entries = parsed.data.v.map(([make, model, year]) => ({ make, model, year }));
  return { entries, active: parsed.data.a < entries.length ? parsed.data.a : 0 };
}

/** The raw cookie value from a Cookie header (the first one when a client sends several). */
export function garageCookieValue(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const m = /(?:^|;\s*)qp_garage=([^;]*)/.exec(cookieHeader);
  return m ? m[1].trim() : undefined;
}

const sameEntry = (a: GarageEntry, b: GarageEntry) => a.make === b.make && a.model === b.model && a.year === b.year;

/**
 * Adds a vehicle and makes it active. A vehicle already saved is re-activated rather than
 * duplicated; past the limit the oldest other vehicle makes room.
 */
export function addToGarage(garage: GarageCookie, entry: GarageEntry): GarageCookie {
  const existing = garage.entries.findIndex((e) => sameEntry(e, entry));
  if (existing >= 0) return { entries: garage.entries, active: existing };
  const entries = [...garage.entries, entry];
  while (entries.length > GARAGE_MAX_VEHICLES) entries.shift();
  return { entries, active: entries.length - 1 };
}

export function activateInGarage(garage: GarageCookie, index: number): GarageCookie {
  return index >= 0 && index < garage.entries.length ? { entries: garage.entries, active: index } : garage;
}

/** Removing the active vehicle activates the first remaining one. */
export function removeFromGarage(garage: GarageCookie, index: number): GarageCookie {
  if (index < 0 || index >= garage.entries.length) return garage;
  const entries = garage.entries.filter((_, i) => i !== index);
  const active = index === garage.active ? 0 : index < garage.active ? garage.active - 1 : garage.active;
  return { entries, active: entries.length === 0 ? 0 : active };
}
