/** Spreadsheet import/export and bulk images: the front door of the feature. */
export { COLUMNS, type Column } from './columns';
export { runImport, type ImportDeps, type ImportOptions, type ImportReport, type ImportProgress, type RowFailure } from './importer';
export { exportProducts, type ExportOptions } from './exporter';
export { reportLines } from './import-report';
export { directorySource, openZipSource, NO_IMAGES, ZIP_LIMITS, type ImageSource } from './image-source';
export { sweepOrphanMedia } from './media-journal';
export { attachBulkImages, type BulkImagesReport, type BulkFileResult } from './bulk-images';
export { createImportJobs, type ImportJobs, type ImportJob } from './import-jobs';
export { catalogIoRoutes, CATALOG_IO_UPLOAD_PATH, type CatalogIoRouteDeps } from './catalog-io-routes';
