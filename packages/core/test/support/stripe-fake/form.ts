/**
 * Decodes the `application/x-www-form-urlencoded` bodies the Stripe SDK sends,
 * with its bracket notation (`line_items[0][price_data][currency]=eur`), into
 * nested objects and arrays. Values stay strings, as Stripe receives them.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

export function parseStripeForm(body: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, '').split('[');
    let node: Record<string, FormValue> | FormValue[] = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const last = i === parts.length - 1;
      const key: string | number = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, FormValue>;
      if (last) {
        container[key] = value;
      } else {
        if (container[key] === undefined) container[key] = /^\d+$/.test(parts[i + 1]!) ? [] : {};
        node = container[key] as Record<string, FormValue> | FormValue[];
      }
    }
  }
  return root;
}

/** A string field of a decoded form (or undefined). */
export function str(v: FormValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A nested object of a decoded form (or an empty one). */
export function obj(v: FormValue | undefined): Record<string, FormValue> {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
}
