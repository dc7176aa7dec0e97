export { createCatalogService, type CatalogService, type Listing, type ProductDetail, type CategoryNode } from './catalog-service';
export { catalogRoutes } from './catalog-routes';
export { productRepository, type ProductRow, type ImageRow } from './product-repository';
export { toCard, toImageView, mediaUrl, type ProductCard, type ImageView } from './view-models';
export { vehiclePageRoutes, type VehiclePageHooks, type ArticleLink } from './vehicle-page-routes';
export { createCategoryWriter, CATEGORY_TEXT, type CategoryWriter, type CategoryInput } from './category-writer';
export { createCatalogWriter, type CatalogWriter, type ProductInput, type NewImage } from './catalog-writer';
export { createCatalogImportWriter, type CatalogImportWriter, type ImportedProduct } from './catalog-import-writer';
