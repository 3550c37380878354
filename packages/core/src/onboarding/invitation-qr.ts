import QRCode from 'qrcode';

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The QR code of an invitation link as an SVG element, made on the server (no
 * script, no external image): black paths on white, `crispEdges`, sized by
 * `sizePx` and labelled for screen readers. Safe to inline in a page.
 *
 * @example
 * const svg = await invitationQrSvg(issued.url, { label: 'Invitation for Chayo' });
 */
export async function invitationQrSvg(
  url: string,
  opts: { sizePx?: number; label?: string } = {},
): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const size = opts.sizePx ?? 160;
  const label = escapeAttr(opts.label ?? 'QR code');
  return svg
    .replace('<svg ', `<svg width="${size}" height="${size}" role="img" aria-label="${label}" `)
    .trim();
}
