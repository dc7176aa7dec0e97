export type { MediaStorage, StoredObject } from './storage';
export { LocalMediaStorage } from './local-storage';
export { processImage, VARIANT_WIDTHS, MAX_INPUT_PIXELS, type ProcessedImage, type ImageVariant } from './image-processor';
export { placeholderSvg, placeholderKind, PLACEHOLDER_KINDS } from './placeholder';
export { mediaRoutes } from './media-routes';
export { mediaUrl, responsiveImage, thumbnailUrl, parseVariants, type StoredVariant, type ResponsiveImage } from './responsive-image';
export { storeUploads, discardUploads, type IncomingFile, type StoredUpload } from './upload-processor';
export { inspectUpload, sanitiseOriginalName, UploadRejectedError } from './upload-validator';
export { variantKeys } from './image-processor';
