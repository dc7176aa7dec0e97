/** Public API of the cart feature; other features import only from here. */
export { cartRoutes, refuseUnknownFields } from './cart-routes';
export { createCartService, parseQty, parseId, cartView, MAX_LINE_QTY, type CartService, type CartView } from './cart-service';
export { loadCartLines, type CartLine, type LineProblem } from './cart-lines';
export { cartIdOf, cartCookieName } from './cart-cookie';
export { createShopperGuard, type ShopperGuard } from './shopper-guard';
export { CART_TEXT } from './cart-strings';
