/** Public API of the fitment feature; other features import only from here. */
export type { FitmentKind, FitmentSpecs, ParsedFitment, ParsedVehicle, Position } from './fitment-types';
export { FITMENT_KINDS } from './fitment-types';
export { parseTitle } from './title-parser';
export { normalizeTitle } from './text-normalizer';
export { vehicleCatalog, type CatalogMake, type CatalogModel, type VehicleCatalog } from './vehicle-catalog';
export { fitmentStatus, type ActiveVehicle, type FitmentMatchRow, type FitmentStatus } from './fitment-status';
export type { ProductFitmentRow, ProductVehicleRow } from './fitment-repository';
export {
  applyParsedFitment,
  applyTitleFitment,
  fittingProductIds,
  listMakes,
  listModels,
  loadFitments,
  modelYears,
  productVehicles,
  productVehiclesFor,
  resolveVehicle,
  seedVehicles,
  statusesFor,
  vehicleNamesFor,
  type ApplyResult,
  type MakeOption,
  type ModelOption,
  type VehicleQuery,
} from './fitment-service';

// Shopper side: garage cookie, badges, fit box, picker and landing-page data, HTTP routes.
export {
  createFitmentShop,
  isVehicleError,
  toShopperVehicle,
  type FitBadge,
  type FitBoxModel,
  type FitmentShop,
  type FitsScope,
  type GarageState,
  type GarageVehicle,
  type ShopperVehicle,
} from './fitment-shop';
export { GARAGE_COOKIE, GARAGE_MAX_VEHICLES, decodeGarage, encodeGarage, type GarageCookie, type GarageEntry } from './garage-cookie';
export { activeVehicleOf, garageMiddleware, garageOf, isCrossSite } from './garage-middleware';
export { garageRoutes } from './garage-routes';
export { vehicleApiRoutes } from './vehicle-api-routes';
export { safeReturnPath } from './safe-return';
export { stringParam } from './request-params';
export { SHOP_TEXT, vehicleLabel, yearsLabel } from './shop-strings';

// Admin side: the product form's fitment editor (suggest from a title, confirm, pickers).
export {
  applyUnconfirmedTitleFitment,
  loadStoredFitment,
  saveConfirmedFitment,
  suggestFitment,
  vehicleChoices,
  type FitmentDraft,
  type FitmentDraftRow,
  type StoredFitment,
  type SuggestedFitment,
  type VehicleChoiceMake,
  type VehicleChoiceModel,
} from './fitment-editor';
