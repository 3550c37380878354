import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { expect } from 'vitest';

type Doc = {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: unknown;
};
type Operation = {
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ??
  addFormatsPlugin) as (ajv: Ajv2020) => void;

const pointerEscape = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Checks responses against the generated OpenAPI 3.1 document with ajv's
 * JSON Schema 2020-12 validator: the operation is found by method and path
 * template, the status must be declared, the media type must be one the
 * operation declares, and the body must match its schema (a 304 or a
 * response declared without content must have no body). Unknown paths must
 * answer a `Problem`.
 */
export class OpenApiValidator {
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true });
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #templates: { template: string; regex: RegExp; params: number }[];
  readonly #base: string;

  constructor(readonly doc: Doc) {
    addFormats(this.#ajv);
    this.#ajv.addSchema(doc as object, 'openapi');
    this.#base = (doc.servers?.[0]?.url ?? '').replace(/\/+$/, '');
    this.#templates = Object.keys(doc.paths)
      .map((template) => ({
        template,
        regex: new RegExp(`^${template.replace(/\{[^/]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params);
  }

  #validator(pointer: string): ValidateFunction {
    let v = this.#compiled.get(pointer);
    if (!v) {
      v = this.#ajv.compile({ $ref: `openapi#${pointer}` });
      this.#compiled.set(pointer, v);
    }
    return v;
  }

  /** The path template a request path falls under, or undefined. */
  templateOf(pathname: string): string | undefined {
    const path = pathname.startsWith(this.#base) ? pathname.slice(this.#base.length) : pathname;
    return this.#templates.find((t) => t.regex.test(path))?.template;
  }

  /** Asserts that a response matches the document; `body` is its text. */
  check(
    method: string,
    pathname: string,
    status: number,
    contentType: string | null,
    body: string,
  ) {
    const where = `${method.toUpperCase()} ${pathname} → ${status}`;
    const template = this.templateOf(pathname);
    const op = template ? this.doc.paths[template]?.[method.toLowerCase()] : undefined;
    if (!op) {
      expect(status, `${where}: undocumented operation`).toBe(404);
      this.#matches('/components/schemas/Problem', body, where);
      expect(contentType).toMatch(/^application\/problem\+json/);
      return;
    }
    const declared = op.responses[String(status)];
    expect(declared, `${where}: status not declared in the OpenAPI document`).toBeDefined();
    const content = declared?.content;
    if (!content) {
      expect(body, `${where}: declared without content but has a body`).toBe('');
      return;
    }
    const type = (contentType ?? '').split(';')[0]!.trim();
    expect(Object.keys(content), `${where}: media type ${type} not declared`).toContain(type);
    this.#matches(
      `/paths/${pointerEscape(template!)}/${method.toLowerCase()}/responses/${status}/content/${pointerEscape(type)}/schema`,
      body,
      where,
    );
  }

  #matches(pointer: string, body: string, where: string) {
    const validate = this.#validator(pointer);
    const ok = validate(JSON.parse(body));
    expect(ok, `${where}: ${this.#ajv.errorsText(validate.errors)}\n${body.slice(0, 2000)}`).toBe(
      true,
    );
  }
}
