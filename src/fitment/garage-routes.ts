import express, { Router, type Request, type Response } from 'express';
import { BadRequestError, ForbiddenError } from '../shared/errors';
import type { MakeOption, ModelOption } from './fitment-service';
import { isVehicleError, type FitmentShop, type GarageState, type ShopperVehicle } from './fitment-shop';
import { activateInGarage, addToGarage, encodeGarage, GARAGE_COOKIE, removeFromGarage, type GarageCookie } from './garage-cookie';
import { garageOf, isCrossSite } from './garage-middleware';
import { stringParam } from './request-params';
import { safeReturnPath } from './safe-return';
import { SHOP_TEXT, vehicleLabel } from './shop-strings';

const YEAR_MS = 365 * 24 * 3600 * 1000;

type Step = 'make' | 'model' | 'year' | 'confirm';

/** Data for views/fitment/select.ejs, the no-JavaScript picker (one step per page load). */
export interface SelectModel {
  step: Step;
  error: { code: string; message: string } | null;
  makes: MakeOption[];
  make: { name: string; slug: string } | null;
  models: ModelOption[];
  model: { name: string; slug: string } | null;
  years: number[];
  year: number | null;
  confirmLabel: string | null;
  returnTo: string;
}

function writeGarage(req: Request, res: Response, garage: GarageCookie): void {
  const options = { path: '/', sameSite: 'lax' as const, httpOnly: true, secure: req.secure };
  if (garage.entries.length === 0) res.clearCookie(GARAGE_COOKIE, options);
  else res.cookie(GARAGE_COOKIE, encodeGarage(garage), { ...options, maxAge: YEAR_MS });
}

function indexParam(body: unknown): number {
  const raw = stringParam(body, 'index', 2);
  if (raw === undefined || !/^\d$/.test(raw)) throw new BadRequestError('参数 index 无效', 'invalid_parameter', { parameter: 'index' });
  return Number(raw);
}

export function garageRoutes(shop: FitmentShop): Router {
  const router = Router();

  /** Each step loads only what the next select needs; `known` is what resolved so far. */
  async function selectModel(step: Step, known: { make?: string; model?: string; year?: number | null }, returnTo: string, error: SelectModel['error'] = null): Promise<SelectModel> {
    const makes = await shop.makes();
    const make = known.make ? (makes.find((m) => m.slug === known.make) ?? null) : null;
    const models = make ? await shop.models(make.slug) : [];
    const model = make && known.model ? (models.find((m) => m.slug === known.model) ?? null) : null;
    const years = make && model ? await shop.years(make.slug, model.slug) : [];
    return {
      step,
      error,
      makes,
      make: make && { name: make.name, slug: make.slug },
      models,
      model: model && { name: model.name, slug: model.slug },
      years,
      year: known.year ?? null,
      confirmLabel: make && model && step === 'confirm' ? vehicleLabel({ makeName: make.name, modelName: model.name, year: known.year ?? null }) : null,
      returnTo,
    };
  }

  const render = (res: Response, status: number, model: SelectModel) => {
    res.status(status).set('Cache-Control', 'no-store');
    res.render('fitment/select', { s: model, title: SHOP_TEXT.picker.title, canonical: '/garage/select' });
  };

  router.get('/garage/select', async (req, res) => {
    const make = stringParam(req.query, 'make', 60) || undefined;
    const model = stringParam(req.query, 'model', 80) || undefined;
    const year = stringParam(req.query, 'year', 8) || undefined;
    const returnTo = safeReturnPath(stringParam(req.query, 'return', 500));
    if (!make) return render(res, 200, await selectModel('make', {}, returnTo));

    let vehicle: ShopperVehicle | null;
    try {
      vehicle = await shop.resolve({ make, model, year });
    } catch (err) {
      if (!isVehicleError(err)) throw err;
      const error = { code: err.code, message: err.message };
      // Keep whatever did resolve so the shopper only redoes the step that failed.
      const makeOnly = err.code === 'unknown_make' ? null : await shop.resolve({ make }).catch(() => null);
      const modelOnly = makeOnly && model && err.code !== 'unknown_model' ? await shop.resolve({ make, model }).catch(() => null) : null;
      const step: Step = !makeOnly ? 'make' : !modelOnly ? 'model' : 'year';
      return render(res, 400, await selectModel(step, { make: makeOnly?.makeSlug, model: modelOnly?.modelSlug ?? undefined }, returnTo, error));
    }
    if (!vehicle || vehicle.modelId === null) return render(res, 200, await selectModel('model', { make: vehicle?.makeSlug }, returnTo));
    const known = { make: vehicle.makeSlug, model: vehicle.modelSlug ?? undefined, year: vehicle.year };
    if (vehicle.year === null) return render(res, 200, await selectModel('year', known, returnTo));
    // A link from another site may show the choice but not store it without a click here.
    if (isCrossSite(req)) return render(res, 200, await selectModel('confirm', known, returnTo));

    const garage = addToGarage(garageOf(res).cookie, { make: vehicle.makeSlug, model: vehicle.modelSlug as string, year: vehicle.year });
    writeGarage(req, res, garage);
    res.redirect(303, returnTo);
  });

  router.get('/garage', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.render('fitment/garage', { g: garageOf(res) as GarageState, title: SHOP_TEXT.garage.title, canonical: '/garage' });
  });

  const form = express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 10 });
  const change = (update: (garage: GarageCookie, body: unknown) => GarageCookie) => async (req: Request, res: Response) => {
    if (isCrossSite(req)) throw new ForbiddenError(SHOP_TEXT.crossSite, 'cross_site');
    writeGarage(req, res, update(garageOf(res).cookie, req.body));
    res.redirect(303, safeReturnPath(stringParam(req.body, 'return', 500), '/garage'));
  };
  router.post('/garage/activate', form, change((g, body) => activateInGarage(g, indexParam(body))));
  router.post('/garage/remove', form, change((g, body) => removeFromGarage(g, indexParam(body))));
  router.post('/garage/clear', form, change(() => ({ entries: [], active: 0 })));

  return router;
}
