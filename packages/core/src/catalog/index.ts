/** Public API of catalog/ (re-exported by the package entry). See catalog-contract in the briefs. */
export * from './change-product-status.js';
export * from './collection-commands.js';
export { getCollectionBySlug, listCollections } from './collection-reads.js';
export {
  FEW_LEFT,
  knownContentVersion,
  PLATFORM_CONTENT_SCOPE,
  readContentVersion,
  readPlatformContentVersion,
  readShopContentVersion,
} from './content-version.js';
export { createProduct } from './create-product.js';
export { findVariants } from './find-variants.js';
export {
  findProduct,
  findProductBySlug,
  getProduct,
  getProductBySlug,
  type ReadOptions,
} from './get-product.js';
export { ListProductsInput, listProducts } from './list-products.js';
export * from './product-images.js';
export {
  CATALOG_LIMITS,
  CreateProductInput,
  FixedPricesInput,
  LocalizedLabel,
  OptionInput,
  ProductTextInput,
  SetVariantPriceInput,
  SetVariantStockInput,
  Sku,
  UpdateProductInput,
  UpdateVariantInput,
  VariantInput,
} from './product-schemas.js';
export { nextStatus, type StatusCommand } from './product-status.js';
export { SearchProductsInput, searchProducts } from './search-products.js';
export { slugFromTitle } from './slug.js';
export { updateProduct } from './update-product.js';
export { setVariantPrice, setVariantStock } from './variant-commands.js';
export type * from './views.js';
export * from './village-products.js';
