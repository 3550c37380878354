import { raw } from 'hono/html';

/**
 * JSON for a `<script type="application/ld+json">` block. `<`, `>`, `&` and the
 * two line separators are escaped, so no seller text can close the script
 * element or open a comment, whatever it contains.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A JSON-LD data block (not executed, so the CSP needs no script exception for it). */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json">{raw(safeJson(data))}</script>;
}
