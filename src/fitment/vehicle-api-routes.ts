import { Router } from 'express';
import { BadRequestError } from '../shared/errors';
import type { FitmentShop } from './fitment-shop';
import { stringParam } from './request-params';
import { SHOP_TEXT } from './shop-strings';

/** JSON for the header picker's enhancement; the vehicle tables only change at start-up. */
export function vehicleApiRoutes(shop: FitmentShop): Router {
  const router = Router();
  const required = (query: unknown, key: 'make' | 'model', code: string, message: string): string => {
    const value = stringParam(query, key, key === 'make' ? 60 : 80);
    if (!value) throw new BadRequestError(message, code, { parameter: key });
    return value;
  };
  const cacheFor = 'public, max-age=600';

  router.get('/api/vehicles/makes', async (_req, res) => {
    const makes = await shop.makes();
    res.set('Cache-Control', cacheFor).json({ makes: makes.map((m) => ({ name: m.name, nameEn: m.nameEn, slug: m.slug })) });
  });

  router.get('/api/vehicles/models', async (req, res) => {
    const make = required(req.query, 'make', 'make_required', SHOP_TEXT.picker.chooseMake);
    const models = await shop.models(make);
    res.set('Cache-Control', cacheFor).json({ models: models.map((m) => ({ name: m.name, nameEn: m.nameEn, slug: m.slug, yearFrom: m.yearFrom, yearTo: m.yearTo })) });
  });

  router.get('/api/vehicles/years', async (req, res) => {
    const make = required(req.query, 'make', 'make_required', SHOP_TEXT.picker.chooseMake);
    const model = required(req.query, 'model', 'model_required', SHOP_TEXT.picker.chooseModel);
    res.set('Cache-Control', cacheFor).json({ years: await shop.years(make, model) });
  });

  return router;
}
