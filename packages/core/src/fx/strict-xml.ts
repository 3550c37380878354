/**
 * A deliberately small, strict XML reader for feeds like the ECB's: elements,
 * attributes, text and comments, nothing else. No DOCTYPE, no entity
 * declarations (so no XXE and no "billion laughs"), no CDATA, no processing
 * instructions after the prolog. Anything unexpected is an error: for money
 * data it is better to refuse a file than to guess.
 */

/** One element of the tree. */
export interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside the element, entity-decoded. */
  text: string;
  /** 1-based line of the start tag, for error messages. */
  line: number;
}

/** A syntax error with the line it was found on. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ATTR = /\s*([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const MAX_DEPTH = 16;

function decode(text: string, line: number): string {
  return text.replace(/&([^;\s&]{0,10});?/g, (whole, name: string) => {
    const hit = whole.endsWith(';') ? ENTITIES[name] : undefined;
    if (hit === undefined) throw new XmlSyntaxError(`unsupported entity or stray "&"`, line);
    return hit;
  });
}

function parseAttributes(source: string, line: number): Map<string, string> {
  const attrs = new Map<string, string>();
  ATTR.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (source.slice(at).trim() === '') break;
    ATTR.lastIndex = at;
    const m = ATTR.exec(source);
    if (!m)
      throw new XmlSyntaxError(
        `malformed attribute near "${source.slice(at, at + 20).trim()}"`,
        line,
      );
    const name = m[1]!;
    if (attrs.has(name)) throw new XmlSyntaxError(`attribute "${name}" appears twice`, line);
    attrs.set(name, decode(m[2] ?? m[3] ?? '', line));
    at = ATTR.lastIndex;
  }
  return attrs;
}

function skipProlog(xml: string): number {
  if (!xml.startsWith('<?xml')) return 0;
  const end = xml.indexOf('?>');
  if (end < 0) throw new XmlSyntaxError('unterminated XML declaration', 1);
  const decl = xml.slice(5, end);
  const encoding = /encoding\s*=\s*["']([^"']+)["']/.exec(decl)?.[1];
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    throw new XmlSyntaxError(`encoding "${encoding}" is not supported (UTF-8 only)`, 1);
  }
  return end + 2;
}

/**
 * Parses a whole document into its root element.
 *
 * @throws XmlSyntaxError on anything that is not plain, well-formed XML
 */
export function parseStrictXml(input: string): XmlElement {
  const xml = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const lineAt = (pos: number) => xml.slice(0, pos).split('\n').length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = skipProlog(xml);

  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = xml.slice(pos, lt < 0 ? xml.length : lt);
    const top = stack.at(-1);
    if (text.trim() !== '') {
      if (!top) throw new XmlSyntaxError('text outside the root element', lineAt(pos));
      top.text += decode(text, lineAt(pos));
    }
    if (lt < 0) break;
    const line = lineAt(lt);
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new XmlSyntaxError('unterminated comment', line);
      pos = end + 3;
      continue;
    }
    if (xml.startsWith('<!', lt)) {
      throw new XmlSyntaxError('DOCTYPE, entity declarations and CDATA are not allowed', line);
    }
    if (xml.startsWith('<?', lt))
      throw new XmlSyntaxError('processing instruction not allowed', line);
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new XmlSyntaxError('unterminated tag', line);
    const body = xml.slice(lt + 1, gt);
    // A quote can hide a ">" inside an attribute value: refuse rather than guess.
    if (
      body.includes('<') ||
      (body.split('"').length - 1) % 2 ||
      (body.split("'").length - 1) % 2
    ) {
      throw new XmlSyntaxError('malformed tag', line);
    }
    pos = gt + 1;

    if (body.startsWith('/')) {
      const name = body.slice(1).trim();
      const open = stack.pop();
      if (!open) throw new XmlSyntaxError(`closing tag </${name}> without an opening tag`, line);
      if (open.name !== name) {
        throw new XmlSyntaxError(`</${name}> closes <${open.name}> (line ${open.line})`, line);
      }
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const name = /^[^\s]+/.exec(inner)?.[0] ?? '';
    if (!NAME.test(name)) throw new XmlSyntaxError(`invalid element name "${name}"`, line);
    const el: XmlElement = {
      name,
      attrs: parseAttributes(inner.slice(name.length), line),
      children: [],
      text: '',
      line,
    };
    if (top) top.children.push(el);
    else if (root) throw new XmlSyntaxError('more than one root element', line);
    else root = el;
    if (!selfClosing) {
      stack.push(el);
      if (stack.length > MAX_DEPTH) throw new XmlSyntaxError('elements nested too deeply', line);
    }
  }
  const open = stack.at(-1);
  if (open) throw new XmlSyntaxError(`<${open.name}> is never closed (truncated file?)`, open.line);
  if (!root) throw new XmlSyntaxError('no root element', 1);
  return root;
}
