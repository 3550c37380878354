/** Public API of media/ (re-exported by the package entry): photos in, derivatives out. */
export { AVIF_JOB, avifJobHandler } from './avif-job.js';
export { deleteMediaAsset } from './delete-media-asset.js';
export { findMediaAsset, getMediaAsset, getMediaViews } from './get-media-asset.js';
export { type ImageHeader, readImageHeader } from './image-header.js';
export { IngestImageInput, type IngestImageResult, ingestImage } from './ingest-image.js';
export type { IngestRefusal, IngestRefused } from './ingest-refusals.js';
export {
  DEFAULT_MEDIA_LIMITS,
  type MediaLimits,
  MediaLimitsInput,
  resolveMediaLimits,
} from './limits.js';
export { type LocalDiskStorageOptions, localDiskStorage } from './local-disk-storage.js';
export { mediaJobHandlers, runMediaJobs } from './media-jobs.js';
export {
  type MediaAsset,
  type MediaFileView,
  type MediaView,
  mediaSrcset,
} from './media-view.js';
export { memoryStorage } from './memory-storage.js';
export { PURGE_JOB, purgeJobHandler } from './purge-job.js';
export { type ReadUploadResult, readUpload, type UploadSource } from './read-upload.js';
export {
  DERIVATIVE_WIDTHS,
  type DerivativeSet,
  derivativeWidths,
  MEDIA_ENCODING,
  type Rendition,
  renderDerivatives,
} from './render-derivatives.js';
export {
  MEDIA_CACHE_CONTROL,
  type MediaFileResponse,
  mediaFileForKey,
} from './serve-media-file.js';
export {
  getShopImages,
  listShopLogos,
  removeShopImage,
  type SetShopImageInput,
  type SetShopImageResult,
  ShopImageRole,
  type ShopImages,
  setShopImage,
} from './shop-images.js';
export { type ImageKind, type SniffedImage, sniffImageType } from './sniff-image-type.js';
export {
  contentTypeForKey,
  isValidMediaKey,
  type MediaStorage,
  type StoredFileInfo,
} from './storage.js';
