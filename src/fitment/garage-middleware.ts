import type { Request, RequestHandler, Response } from 'express';
import type { FitmentShop, GarageState, GarageVehicle } from './fitment-shop';
import { decodeGarage, garageCookieValue } from './garage-cookie';
import { safeReturnPath } from './safe-return';
import { SHOP_TEXT } from './shop-strings';

const EMPTY: GarageState = Object.freeze({ cookie: { entries: [], active: 0 }, vehicles: [], active: null });
const SKIP = /^\/(?:static|media|healthz|readyz)(?:\/|$)/;

/**
 * Reads the qp_garage cookie once per request into res.locals.garage (what the header banner,
 * the picker and every fitment-aware route use). A cookie that does not decode or resolve is
 * simply an empty garage.
 */
export function garageMiddleware(shop: FitmentShop): RequestHandler {
  return async (req, res, next) => {
    if (SKIP.test(req.path)) return next();
    const state = await shop.readGarage(decodeGarage(garageCookieValue(req.headers.cookie)));
    // JSON endpoints mark hits for the garage but render no header: no picker to fill.
    if (req.path.startsWith('/api/')) {
      Object.assign(res.locals, { garage: state, fitText: SHOP_TEXT });
      return next();
    }
    Object.assign(res.locals, {
      garage: state,
      vehicleMakes: await shop.makes(),
      fitText: SHOP_TEXT,
      pickerReturn: safeReturnPath(req.originalUrl),
    });
    next();
  };
}

export function garageOf(res: Response): GarageState {
  return (res.locals.garage as GarageState | undefined) ?? EMPTY;
}

export function activeVehicleOf(res: Response): GarageVehicle | null {
  return garageOf(res).active;
}

/**
 * Garage writes only touch the shopper's own cookie, but a cross-site page must not be able to
 * stuff it: browsers send Sec-Fetch-Site (and Origin on POST), and anything other than this
 * site or a typed-in address is refused. Clients sending neither header are not browsers and
 * could set the cookie themselves anyway.
 */
export function isCrossSite(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.get('host');
  } catch {
    return true;
  }
}
