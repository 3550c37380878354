/**
 * Small SVG building blocks for the demo's product photos: a seeded random
 * source (so the same seed draws the same photo), a backdrop with a table, soft
 * shadows and the hickory nuts that several scenes scatter around.
 */

/** Width and height of every generated photo, in pixels (4:3, like a phone camera). */
export const PHOTO_WIDTH = 1600;
export const PHOTO_HEIGHT = 1200;

/** A deterministic random source (mulberry32): the same seed draws the same scene. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds a coordinate so the SVG text stays short. */
export const r1 = (n: number) => Math.round(n * 10) / 10;

/** Mixes a `#rrggbb` colour towards black (negative) or white (positive) by `amount` (−1..1). */
export function shade(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = (n >> shift) & 0xff;
    const target = amount < 0 ? 0 : 255;
    return Math.round(c + (target - c) * Math.abs(amount));
  };
  const out = (channel(16) << 16) | (channel(8) << 8) | channel(0);
  return `#${out.toString(16).padStart(6, '0')}`;
}

/** Wraps scene elements into a full SVG document of the photo size, with a soft vignette on top. */
export function svgDocument(defs: string, body: string): string {
  const vignette = `<rect width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}" fill="url(#vignette)"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}" viewBox="0 0 ${PHOTO_WIDTH} ${PHOTO_HEIGHT}"><defs>${defs}</defs>${body}${vignette}</svg>`;
}

/** A soft blur filter and the shared gradients every scene may use. */
export function commonDefs(): string {
  return [
    // Shadows are gradients, not blur filters: a blur per nut makes rendering ten times slower.
    '<radialGradient id="shadowFill"><stop offset="0" stop-color="#000" stop-opacity="1"/><stop offset="0.55" stop-color="#000" stop-opacity="0.6"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>',
    '<radialGradient id="nutShell" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="#a8784a"/><stop offset="0.55" stop-color="#6e4526"/><stop offset="1" stop-color="#3b2312"/></radialGradient>',
    '<radialGradient id="nutShellDark" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="#8a5d36"/><stop offset="0.6" stop-color="#51321b"/><stop offset="1" stop-color="#2a180b"/></radialGradient>',
    '<radialGradient id="kernel" cx="0.4" cy="0.35" r="0.75"><stop offset="0" stop-color="#e9c98f"/><stop offset="0.6" stop-color="#c08a4d"/><stop offset="1" stop-color="#8a5a2b"/></radialGradient>',
    '<radialGradient id="vignette" cx="0.5" cy="0.45" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.35"/></radialGradient>',
  ].join('');
}

/**
 * A wall and a table top, split at `horizon` (y), with a little grain on the
 * table so it reads as wood or linen.
 */
export function backdrop(
  rand: () => number,
  opts: { wall: string; table: string; horizon?: number; grain?: 'wood' | 'weave' },
): { defs: string; body: string } {
  const horizon = opts.horizon ?? 620;
  const parts = [
    `<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shade(opts.wall, 0.15)}"/><stop offset="1" stop-color="${shade(opts.wall, -0.12)}"/></linearGradient>`,
    `<linearGradient id="table" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shade(opts.table, -0.15)}"/><stop offset="1" stop-color="${shade(opts.table, 0.08)}"/></linearGradient>`,
  ];
  let body = `<rect width="${PHOTO_WIDTH}" height="${horizon}" fill="url(#wall)"/>`;
  body += `<rect y="${horizon}" width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT - horizon}" fill="url(#table)"/>`;
  if (opts.grain === 'weave') {
    for (let y = horizon + 14; y < PHOTO_HEIGHT; y += 28) {
      body += `<line x1="0" y1="${y}" x2="${PHOTO_WIDTH}" y2="${y}" stroke="${shade(opts.table, -0.25)}" stroke-opacity="0.35" stroke-width="3"/>`;
    }
    for (let x = 0; x < PHOTO_WIDTH; x += 28) {
      body += `<line x1="${x}" y1="${horizon}" x2="${x + 40}" y2="${PHOTO_HEIGHT}" stroke="${shade(opts.table, 0.2)}" stroke-opacity="0.25" stroke-width="2"/>`;
    }
  } else {
    for (let i = 0; i < 26; i++) {
      const y = horizon + rand() * (PHOTO_HEIGHT - horizon);
      const w = 1 + rand() * 3;
      body += `<path d="M0 ${r1(y)} Q ${r1(PHOTO_WIDTH * rand())} ${r1(y + (rand() - 0.5) * 30)} ${PHOTO_WIDTH} ${r1(y + (rand() - 0.5) * 20)}" stroke="${shade(opts.table, -0.3)}" stroke-opacity="0.25" stroke-width="${r1(w)}" fill="none"/>`;
    }
  }
  body += `<rect y="${horizon - 3}" width="${PHOTO_WIDTH}" height="6" fill="${shade(opts.table, -0.35)}" fill-opacity="0.35"/>`;
  return { defs: parts.join(''), body };
}

/** A soft contact shadow under an object. */
export function shadow(cx: number, cy: number, rx: number, ry: number, opacity = 0.45): string {
  return `<ellipse cx="${r1(cx)}" cy="${r1(cy)}" rx="${r1(rx * 1.15)}" ry="${r1(ry * 1.6)}" fill="url(#shadowFill)" fill-opacity="${opacity}"/>`;
}

/** One Chinese hickory nut in its shell: small, ovoid, with a seam and a pointed tip. */
export function hickoryNut(
  x: number,
  y: number,
  size: number,
  angle: number,
  dark = false,
): string {
  const rx = size * 0.5;
  const ry = size * 0.42;
  const fill = dark ? 'url(#nutShellDark)' : 'url(#nutShell)';
  return (
    `<g transform="translate(${r1(x)} ${r1(y)}) rotate(${r1(angle)})">` +
    `<ellipse cx="${r1(size * 0.06)}" cy="${r1(ry * 0.9)}" rx="${r1(rx * 1.1)}" ry="${r1(ry * 0.45)}" fill="url(#shadowFill)" fill-opacity="0.35"/>` +
    `<path d="M ${r1(-rx)} 0 C ${r1(-rx)} ${r1(-ry * 1.3)} ${r1(rx * 0.8)} ${r1(-ry * 1.2)} ${r1(rx * 1.15)} 0 C ${r1(rx * 0.8)} ${r1(ry * 1.2)} ${r1(-rx)} ${r1(ry * 1.3)} ${r1(-rx)} 0 Z" fill="${fill}"/>` +
    `<path d="M ${r1(-rx * 0.85)} ${r1(ry * 0.05)} Q 0 ${r1(-ry * 0.25)} ${r1(rx * 1.05)} 0" stroke="#2a170a" stroke-opacity="0.55" stroke-width="${r1(size * 0.035)}" fill="none"/>` +
    `<ellipse cx="${r1(-rx * 0.3)}" cy="${r1(-ry * 0.45)}" rx="${r1(rx * 0.35)}" ry="${r1(ry * 0.18)}" fill="#fff" fill-opacity="0.18"/>` +
    '</g>'
  );
}

/** A shelled hickory kernel: a lumpy golden piece. */
export function kernel(x: number, y: number, size: number, rand: () => number): string {
  let lobes = '';
  for (let i = 0; i < 4; i++) {
    const dx = (rand() - 0.5) * size * 0.7;
    const dy = (rand() - 0.5) * size * 0.5;
    const rr = size * (0.22 + rand() * 0.16);
    lobes += `<circle cx="${r1(dx)}" cy="${r1(dy)}" r="${r1(rr)}" fill="url(#kernel)"/>`;
  }
  const crease = `<path d="M ${r1(-size * 0.35)} 0 Q 0 ${r1(size * 0.12)} ${r1(size * 0.35)} 0" stroke="#6b4320" stroke-opacity="0.5" stroke-width="${r1(size * 0.04)}" fill="none"/>`;
  return `<g transform="translate(${r1(x)} ${r1(y)}) rotate(${r1(rand() * 360)})">${lobes}${crease}</g>`;
}

/** Scatters `count` nuts inside a rectangle, back to front so nearer ones overlap farther ones. */
export function scatterNuts(
  rand: () => number,
  count: number,
  box: { x: number; y: number; w: number; h: number },
  size: number,
): string {
  const nuts: { x: number; y: number; a: number; s: number; d: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    nuts.push({
      x: box.x + rand() * box.w,
      y: box.y + rand() * box.h,
      a: rand() * 360,
      s: size * (0.85 + rand() * 0.3),
      d: rand() < 0.35,
    });
  }
  nuts.sort((a, b) => a.y - b.y);
  return nuts
    .map((n) => hickoryNut(n.x, n.y, n.s * (0.8 + (n.y - box.y) / (box.h * 4 || 1)), n.a, n.d))
    .join('');
}
