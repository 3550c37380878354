import { type CartPricer, type ProductDetail, toDecimalString } from '@aldea/core';

/** Inputs of {@link productJsonLd}. */
export interface ProductJsonLdInput {
  product: ProductDetail;
  pricer: CartPricer;
  /** Absolute canonical URL of the product page. */
  url: string;
  /** Absolute image URLs. */
  images: readonly string[];
  shopName: string;
}

function availability(v: ProductDetail['variants'][number]): string {
  if (v.stockOnHand <= 0) return 'https://schema.org/OutOfStock';
  return v.madeToOrder ? 'https://schema.org/MadeToOrder' : 'https://schema.org/InStock';
}

/**
 * schema.org Product with one Offer per variant that can be priced in the
 * shown currency (the same amounts the page shows; a variant not sold in that
 * currency gets no offer rather than a price of 0).
 */
export function productJsonLd({ product, pricer, url, images, shopName }: ProductJsonLdInput) {
  const offers = product.variants.flatMap((v) => {
    const price = pricer.price(v);
    if (!price.ok) return [];
    return [
      {
        '@type': 'Offer',
        sku: v.sku,
        ...(v.label ? { name: v.label } : {}),
        price: toDecimalString(price.amount),
        priceCurrency: price.amount.currency,
        availability: availability(v),
        itemCondition: 'https://schema.org/NewCondition',
        url,
        seller: { '@type': 'Organization', name: shopName },
      },
    ];
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    ...(product.description ? { description: product.description.slice(0, 5000) } : {}),
    ...(images.length > 0 ? { image: images } : {}),
    ...(product.variants[0] ? { sku: product.variants[0].sku } : {}),
    brand: { '@type': 'Brand', name: shopName },
    ...(product.materials ? { material: product.materials.slice(0, 500) } : {}),
    ...(product.originCountry ? { countryOfOrigin: product.originCountry } : {}),
    inLanguage: product.textLocale,
    url,
    ...(offers.length > 0 ? { offers } : {}),
  };
}
