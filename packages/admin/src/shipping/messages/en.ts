/**
 * The shipping screens' UI strings in English (the source), spread into the
 * admin catalogue (`messages/en.ts`) so the same missing-key test covers them.
 */
export const shippingEn = {
  'shipping.title': 'Shipping',
  'shipping.intro':
    'Where you ship, what a parcel costs by weight, how long it takes, and the tax of each zone. Prices are in {currency}.',
  'shipping.noZones': 'No shipping zones yet: buyers cannot order until you add one.',
  'shipping.everywhere': 'every other country',
  'shipping.taxNone': 'No tax',
  'shipping.taxIncluded': 'Tax {rate}, included in your prices',
  'shipping.taxAdded': 'Tax {rate}, added at checkout',
  'shipping.ratesCount': '{count} rate(s)',
  'shipping.editZone': 'Edit the zone and its rates',
  'shipping.newZone': 'Add a zone',
  'shipping.zone': 'Zone',
  'shipping.zoneName': 'Zone name',
  'shipping.zoneNameHint': 'For example Mexico, North America, Rest of the world',
  'shipping.countries': 'Countries',
  'shipping.countriesHint':
    'Two-letter codes separated by commas, e.g. US, CA. Use * for every country no other zone lists.',
  'shipping.countriesInvalid': 'Use two-letter country codes such as MX or US, or *.',
  'shipping.countriesTaken':
    '{countries}: already in the zone “{zone}”. A country can be in one zone only.',
  'shipping.taxRate': 'Tax rate (%)',
  'shipping.taxRateHint': 'For example 16 for 16 %. 0 when you charge no tax here.',
  'shipping.percent': 'Type a percentage from 0 to 100, like 16 or 7.5.',
  'shipping.taxInclusive': 'My prices already include this tax',
  'shipping.saveZone': 'Save the zone',
  'shipping.addZone': 'Add the zone',
  'shipping.deleteZone': 'Delete this zone and its rates',
  'shipping.deleteZoneHint': 'Buyers in these countries will not be able to order any more.',
  'shipping.rates': 'Rates by weight',
  'shipping.noRates': 'No rates yet: add one so buyers in these countries can order.',
  'shipping.newRate': 'Add a rate',
  'shipping.rateName': 'Name buyers see',
  'shipping.rateNameHint': 'For example Estafeta, Registered airmail',
  'shipping.minWeight': 'From (grams)',
  'shipping.maxWeight': 'Up to (grams)',
  'shipping.maxWeightHint': 'Parcels lighter than this. Leave empty for no limit.',
  'shipping.maxWeightOrder': 'Must be more than the “from” weight.',
  'shipping.price': 'Price ({currency})',
  'shipping.freeOver': 'Free from ({currency})',
  'shipping.freeOverHint': 'Optional: orders worth at least this ship free.',
  'shipping.daysMin': 'Delivery from (days)',
  'shipping.daysMax': 'to (days)',
  'shipping.daysOrder': 'Must be at least the “from” days.',
  'shipping.band': '{min}–{max} g',
  'shipping.bandOpen': 'from {min} g',
  'shipping.days': '{min}–{max} days',
  'shipping.freeOverText': 'free from {amount}',
  'shipping.saveRate': 'Save the rate',
  'shipping.addRate': 'Add the rate',
  'shipping.deleteRate': 'Delete this rate',
  'shipping.back': '← All zones',
  'shipping.flash.zoneSaved': 'Zone saved.',
  'shipping.flash.zoneDeleted': 'Zone deleted.',
  'shipping.flash.rateSaved': 'Rate saved.',
  'shipping.flash.rateDeleted': 'Rate deleted.',
} as const;

/** Every key of the shipping screens. */
export type ShippingMessageKey = keyof typeof shippingEn;
