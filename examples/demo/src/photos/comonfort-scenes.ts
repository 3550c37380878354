import type { SceneOptions } from './bainiu-scenes.ts';
import { backdrop, commonDefs, r1, seededRandom, shade, shadow, svgDocument } from './svg-parts.ts';

/** What sits in the bowl of a molcajete photo. */
export type MolcajeteContents = 'empty' | 'salsa-roja' | 'salsa-verde' | 'guacamole';

/** Porous basalt: dark and light pits scattered over an area, clipped by the caller. */
function basaltPits(
  rand: () => number,
  box: { x: number; y: number; w: number; h: number },
  n: number,
) {
  let out = '';
  for (let i = 0; i < n; i++) {
    const light = rand() < 0.3;
    out += `<circle cx="${r1(box.x + rand() * box.w)}" cy="${r1(box.y + rand() * box.h)}" r="${r1(1.5 + rand() * 5.5)}" fill="${light ? '#8b8a86' : '#0e0e10'}" fill-opacity="${r1(0.35 + rand() * 0.5)}"/>`;
  }
  return out;
}

/** A folded embroidered napkin (servilleta) in the accent colour, under the molcajete. */
function napkin(accent: string): string {
  let stripes = '';
  for (let i = 0; i < 5; i++) {
    const y = 900 + i * 34;
    stripes += `<path d="M ${240 + i * 12} ${y} L ${1360 - i * 12} ${y}" stroke="${i % 2 ? '#f4e7c5' : shade(accent, -0.35)}" stroke-width="10" stroke-dasharray="26 12"/>`;
  }
  return (
    `<path d="M 200 860 L 1400 860 L 1480 1130 L 120 1130 Z" fill="${accent}"/>` +
    stripes +
    `<path d="M 120 1130 L 1480 1130 L 1490 1160 L 110 1160 Z" fill="${shade(accent, -0.4)}"/>`
  );
}

function contentsFill(contents: MolcajeteContents, rand: () => number): string {
  if (contents === 'empty') {
    return '<ellipse cx="800" cy="585" rx="270" ry="74" fill="url(#cavity)"/>';
  }
  const base = { 'salsa-roja': '#a3241a', 'salsa-verde': '#5f8a2a', guacamole: '#8fb04a' }[
    contents
  ];
  const speck = { 'salsa-roja': '#e8b04a', 'salsa-verde': '#e4e8c2', guacamole: '#d9e3a3' }[
    contents
  ];
  let specks = '';
  for (let i = 0; i < 90; i++) {
    const a = rand() * Math.PI * 2;
    const d = Math.sqrt(rand());
    const x = 800 + Math.cos(a) * d * 250;
    const y = 585 + Math.sin(a) * d * 64;
    const rr = contents === 'guacamole' ? 5 + rand() * 9 : 2 + rand() * 3;
    const fill = rand() < 0.25 ? '#2f6b1f' : speck;
    specks += `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(rr)}" fill="${fill}" fill-opacity="0.85"/>`;
  }
  return (
    `<ellipse cx="800" cy="585" rx="272" ry="76" fill="${base}"/>` +
    `<ellipse cx="760" cy="570" rx="160" ry="30" fill="#fff" fill-opacity="0.12"/>` +
    specks
  );
}

/** A tejolote (the basalt pestle) lying on the napkin. */
function tejolote(rand: () => number): string {
  const pits = basaltPits(rand, { x: -160, y: -60, w: 320, h: 120 }, 160);
  return (
    '<g transform="translate(1210 990) rotate(-14)">' +
    '<ellipse cx="10" cy="52" rx="190" ry="28" fill="url(#shadowFill)" fill-opacity="0.45"/>' +
    '<clipPath id="pestle"><path d="M -150 -40 Q -170 0 -150 40 L 130 52 Q 175 0 130 -52 Z"/></clipPath>' +
    '<path d="M -150 -40 Q -170 0 -150 40 L 130 52 Q 175 0 130 -52 Z" fill="url(#stone)"/>' +
    `<g clip-path="url(#pestle)">${pits}</g>` +
    '</g>'
  );
}

/** Chiles, tomatoes and a lime half beside a molcajete of salsa. */
function garnish(rand: () => number, contents: MolcajeteContents): string {
  if (contents === 'empty') {
    return '<path d="M 260 1010 Q 330 930 430 960 Q 360 990 300 1050 Z" fill="#7a1410"/><path d="M 425 958 L 455 945" stroke="#3d5a1e" stroke-width="10" stroke-linecap="round"/>';
  }
  let out = '';
  const tomato = contents === 'salsa-verde' ? '#7fa33a' : '#d23a26';
  for (let i = 0; i < 3; i++) {
    const x = 250 + i * 95 + rand() * 20;
    const y = 1010 + rand() * 40;
    out += `<circle cx="${r1(x)}" cy="${r1(y)}" r="52" fill="${tomato}"/><ellipse cx="${r1(x - 16)}" cy="${r1(y - 18)}" rx="16" ry="9" fill="#fff" fill-opacity="0.35"/><path d="M ${r1(x - 10)} ${r1(y - 50)} l 10 8 l 10 -8" stroke="#2f5a17" stroke-width="6" fill="none"/>`;
  }
  out +=
    '<path d="M 520 1080 Q 640 1000 760 1050 Q 650 1060 540 1110 Z" fill="#3f7d22"/>' +
    '<circle cx="1000" cy="1090" r="46" fill="#7cb342"/><circle cx="1000" cy="1090" r="36" fill="#d6ec9b"/>' +
    '<path d="M 1000 1058 L 1000 1122 M 968 1090 L 1032 1090 M 977 1067 L 1023 1113 M 1023 1067 L 977 1113" stroke="#9cc25a" stroke-width="3"/>';
  return out;
}

/**
 * A three-legged basalt molcajete on an embroidered napkin, its tejolote beside
 * it, empty or filled with salsa or guacamole.
 */
export function molcajeteScene(o: SceneOptions & { contents: MolcajeteContents }): string {
  const rand = seededRandom(o.seed);
  const bd = backdrop(rand, { wall: o.wall, table: o.table, horizon: 470 });
  const defs =
    commonDefs() +
    bd.defs +
    '<linearGradient id="stone" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#6d6b68"/><stop offset="0.45" stop-color="#3d3c3b"/><stop offset="1" stop-color="#1b1a1a"/></linearGradient>' +
    '<radialGradient id="cavity" cx="0.5" cy="0.65" r="0.7"><stop offset="0" stop-color="#5c5a57"/><stop offset="1" stop-color="#151515"/></radialGradient>' +
    '<clipPath id="body"><path d="M 460 560 C 470 760 620 850 800 855 C 980 850 1130 760 1140 560 Z"/><ellipse cx="800" cy="560" rx="340" ry="110"/></clipPath>';
  const legs =
    '<path d="M 555 770 L 625 800 L 605 905 L 545 895 Z" fill="url(#stone)"/>' +
    '<path d="M 1045 770 L 975 800 L 995 905 L 1055 895 Z" fill="url(#stone)"/>' +
    '<path d="M 760 840 L 840 840 L 850 950 L 750 950 Z" fill="url(#stone)"/>';
  const body =
    shadow(800, 925, 380, 40, 0.6) +
    legs +
    '<path d="M 460 560 C 470 760 620 850 800 855 C 980 850 1130 760 1140 560 Z" fill="url(#stone)"/>' +
    '<ellipse cx="800" cy="560" rx="340" ry="110" fill="#4a4846"/>' +
    `<g clip-path="url(#body)">${basaltPits(rand, { x: 450, y: 440, w: 700, h: 420 }, 900)}</g>` +
    '<ellipse cx="800" cy="575" rx="292" ry="86" fill="url(#cavity)"/>' +
    contentsFill(o.contents, rand) +
    '<path d="M 500 600 Q 540 760 680 820" stroke="#fff" stroke-opacity="0.12" stroke-width="22" fill="none" stroke-linecap="round"/>';
  return svgDocument(
    defs,
    bd.body + napkin(o.accent) + body + tejolote(rand) + garnish(rand, o.contents),
  );
}
