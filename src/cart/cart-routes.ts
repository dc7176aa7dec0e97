import { Router, type Request, type Response } from 'express';
import { activeVehicleOf, type FitmentShop } from '../fitment';
import { BadRequestError } from '../shared/errors';
import { parseId, parseQty, type CartService } from './cart-service';
import { CART_TEXT as T } from './cart-strings';
import type { ShopperGuard } from './shopper-guard';

const ADD_FIELDS = new Set(['product', 'variant', 'qty', '_csrf']);
const NOTICES: Record<string, string> = { added: T.added, updated: T.updated, removed: T.removed };

/** Prices and anything else the catalogue decides are never taken from a form. */
export function refuseUnknownFields(body: unknown, allowed: ReadonlySet<string>): Record<string, unknown> {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (!allowed.has(key)) throw new BadRequestError(T.unexpectedField(key.slice(0, 40)), 'unexpected_field', { parameter: key.slice(0, 40) });
  return fields;
}

function wantsJson(req: Request): boolean {
  const accept = req.get('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function cartRoutes(cart: CartService, shop: FitmentShop, guard: ShopperGuard): Router {
  const router = Router();
  router.use(['/cart', '/cart/*path'], guard.base);

  router.get('/cart', guard.token, async (req, res) => {
    const view = await cart.view(guard.cookie.read(req));
    const vehicle = activeVehicleOf(res);
    const badged = await shop.withBadges(view.lines.map((l) => ({ ...l, id: l.productId })), vehicle);
    const notice = typeof req.query.notice === 'string' && Object.hasOwn(NOTICES, req.query.notice) ? NOTICES[req.query.notice] : null;
    res.render('cart/cart', {
      title: T.title, cart: view, lines: badged, notice, cartCount: view.count,
      noFitWarning: vehicle ? T.noFitWarning(vehicle.label) : null,
    });
  });

  /** For the header count on page-cached pages, which cannot know whose cart it is. */
  router.get('/cart/count', async (req, res) => {
    res.json({ count: await cart.count(guard.cookie.read(req)) });
  });

  router.post('/cart/items', guard.requireTokenOrOrigin, async (req, res) => {
    const body = refuseUnknownFields(req.body, ADD_FIELDS);
    const product = parseId(body.product, 'product', T.productUnknown, 'unknown_product');
    const variant = body.variant === undefined || body.variant === '' ? null : parseId(body.variant, 'variant', T.variantUnknown, 'unknown_variant');
    const qty = parseQty(body.qty ?? '1');
    const token = guard.cookie.ensure(req, res);
    const count = await cart.add(token, { product, variant, qty });
    if (wantsJson(req)) return void res.status(201).json({ count });
    res.redirect(303, '/cart?notice=added');
  });

  const lineId = (req: Request) => parseId(req.params.id, 'id', T.lineUnknown, 'unknown_line');
  const owner = (req: Request) => {
    const token = guard.cookie.read(req);
    if (!token) throw new BadRequestError(T.lineUnknown, 'unknown_line');
    return token;
  };

  router.post('/cart/items/:id', guard.requireToken, async (req, res: Response) => {
    const body = refuseUnknownFields(req.body, new Set(['qty', '_csrf']));
    await cart.setQty(owner(req), lineId(req), parseQty(body.qty));
    res.redirect(303, '/cart?notice=updated');
  });

  router.post('/cart/items/:id/delete', guard.requireToken, async (req, res) => {
    await cart.remove(owner(req), lineId(req));
    res.redirect(303, '/cart?notice=removed');
  });

  return router;
}
