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
