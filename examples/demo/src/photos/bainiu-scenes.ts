import {
  backdrop,
  commonDefs,
  kernel,
  scatterNuts,
  seededRandom,
  shade,
  shadow,
  svgDocument,
} from './svg-parts.ts';

/** Colours and randomness of one photo; every scene takes the same options. */
export interface SceneOptions {
  seed: number;
  /** The product's colour: the label, the gift box, the bowl glaze. */
  accent: string;
  wall: string;
  table: string;
}

/** A kraft stand-up pouch of hickory nuts with a coloured label and nuts spilled in front. */
export function nutBagScene(o: SceneOptions): string {
  const rand = seededRandom(o.seed);
  const bd = backdrop(rand, { wall: o.wall, table: o.table, horizon: 640 });
  const defs =
    commonDefs() +
    bd.defs +
    '<linearGradient id="kraft" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#a97f52"/><stop offset="0.35" stop-color="#d2aa79"/><stop offset="0.7" stop-color="#c39865"/><stop offset="1" stop-color="#8d653d"/></linearGradient>' +
    '<clipPath id="window"><rect x="690" y="560" width="220" height="170" rx="26"/></clipPath>';
  const bag =
    shadow(800, 930, 330, 40, 0.55) +
    '<path d="M 560 250 L 1040 250 L 1065 880 Q 800 950 535 880 Z" fill="url(#kraft)"/>' +
    '<path d="M 560 250 L 1040 250 L 1042 300 L 558 300 Z" fill="#000" fill-opacity="0.08"/>' +
    '<line x1="562" y1="318" x2="1040" y2="318" stroke="#7a5431" stroke-width="5" fill-opacity="0.6"/>' +
    `<rect x="640" y="380" width="320" height="140" rx="18" fill="${o.accent}"/>` +
    `<rect x="656" y="396" width="288" height="108" rx="12" fill="none" stroke="${shade(o.accent, 0.55)}" stroke-width="4"/>` +
    `<circle cx="800" cy="450" r="34" fill="${shade(o.accent, 0.7)}"/>` +
    `<path d="M 800 420 C 825 440 825 465 800 482 C 775 465 775 440 800 420 Z" fill="${shade(o.accent, -0.2)}"/>` +
    '<rect x="690" y="560" width="220" height="170" rx="26" fill="#3b2312"/>' +
    `<g clip-path="url(#window)">${scatterNuts(rand, 26, { x: 680, y: 550, w: 240, h: 190 }, 62)}</g>` +
    '<rect x="690" y="560" width="220" height="170" rx="26" fill="#fff" fill-opacity="0.12"/>' +
    '<path d="M 700 575 L 760 575 L 700 650 Z" fill="#fff" fill-opacity="0.18"/>';
  const spill = scatterNuts(rand, 16, { x: 300, y: 900, w: 1000, h: 200 }, 92);
  return svgDocument(defs, bd.body + bag + spill);
}

/** A lacquered gift box with a gold ribbon, its lid leaning beside it and nuts in the tray. */
export function giftBoxScene(o: SceneOptions): string {
  const rand = seededRandom(o.seed);
  const bd = backdrop(rand, { wall: o.wall, table: o.table, horizon: 600, grain: 'wood' });
  const defs =
    commonDefs() +
    bd.defs +
    `<linearGradient id="boxFront" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shade(o.accent, 0.1)}"/><stop offset="1" stop-color="${shade(o.accent, -0.35)}"/></linearGradient>` +
    `<linearGradient id="boxTop" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${shade(o.accent, 0.3)}"/><stop offset="1" stop-color="${shade(o.accent, -0.05)}"/></linearGradient>` +
    '<linearGradient id="gold" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#b8862b"/><stop offset="0.5" stop-color="#f3d27a"/><stop offset="1" stop-color="#a57624"/></linearGradient>' +
    '<clipPath id="tray"><path d="M 430 640 L 1010 640 L 1130 520 L 550 520 Z"/></clipPath>';
  // The open box: front face, tray seen from above, nuts inside.
  const box =
    shadow(790, 960, 420, 46, 0.55) +
    '<path d="M 430 640 L 1010 640 L 1010 930 L 430 930 Z" fill="url(#boxFront)"/>' +
    '<path d="M 1010 640 L 1130 520 L 1130 800 L 1010 930 Z" fill="' +
    shade(o.accent, -0.45) +
    '"/>' +
    `<path d="M 430 640 L 1010 640 L 1130 520 L 550 520 Z" fill="${shade(o.accent, -0.6)}"/>` +
    `<g clip-path="url(#tray)">${scatterNuts(rand, 70, { x: 420, y: 500, w: 720, h: 150 }, 58)}</g>` +
    '<line x1="780" y1="522" x2="660" y2="640" stroke="#e9c46a" stroke-width="8"/>' +
    '<rect x="690" y="640" width="60" height="290" fill="url(#gold)"/>';
  // The lid leaning against the wall behind, with ribbon and bow.
  const lid =
    '<path d="M 1120 300 L 1450 330 L 1430 740 L 1100 700 Z" fill="url(#boxTop)"/>' +
    '<path d="M 1262 314 L 1312 318 L 1293 722 L 1243 717 Z" fill="url(#gold)"/>' +
    '<ellipse cx="1230" cy="480" rx="70" ry="36" fill="url(#gold)" transform="rotate(-20 1230 480)"/>' +
    '<ellipse cx="1345" cy="500" rx="70" ry="36" fill="url(#gold)" transform="rotate(25 1345 500)"/>' +
    '<circle cx="1285" cy="495" r="26" fill="#c89a3c"/>';
  const loose = scatterNuts(rand, 7, { x: 240, y: 980, w: 520, h: 120 }, 90);
  const cracked = Array.from({ length: 5 }, (_, i) =>
    kernel(900 + i * 70 + rand() * 20, 1030 + rand() * 60, 60, rand),
  ).join('');
  return svgDocument(defs, bd.body + lid + box + loose + cracked);
}

/** A glazed bowl heaped with nuts, seen from a little above, a few cracked open beside it. */
export function nutBowlScene(o: SceneOptions): string {
  const rand = seededRandom(o.seed);
  const bd = backdrop(rand, { wall: o.wall, table: o.table, horizon: 520, grain: 'weave' });
  const defs =
    commonDefs() +
    bd.defs +
    `<linearGradient id="glaze" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${shade(o.accent, 0.35)}"/><stop offset="0.6" stop-color="${o.accent}"/><stop offset="1" stop-color="${shade(o.accent, -0.45)}"/></linearGradient>` +
    '<clipPath id="heap"><path d="M 440 640 Q 800 380 1160 640 Z"/><ellipse cx="800" cy="640" rx="360" ry="80"/></clipPath>';
  const bowl =
    shadow(800, 960, 420, 50, 0.5) +
    '<path d="M 430 640 Q 450 930 800 960 Q 1150 930 1170 640 Z" fill="url(#glaze)"/>' +
    `<ellipse cx="800" cy="640" rx="370" ry="84" fill="${shade(o.accent, -0.55)}"/>` +
    `<g clip-path="url(#heap)">${scatterNuts(rand, 120, { x: 430, y: 420, w: 740, h: 300 }, 66)}</g>` +
    `<ellipse cx="800" cy="640" rx="370" ry="84" fill="none" stroke="${shade(o.accent, 0.5)}" stroke-width="10"/>` +
    '<path d="M 480 700 Q 520 850 640 910" stroke="#fff" stroke-opacity="0.35" stroke-width="16" fill="none" stroke-linecap="round"/>';
  const aside =
    scatterNuts(rand, 6, { x: 1180, y: 930, w: 260, h: 150 }, 92) +
    Array.from({ length: 6 }, () => kernel(220 + rand() * 240, 960 + rand() * 140, 70, rand)).join(
      '',
    );
  return svgDocument(defs, bd.body + bowl + aside);
}

/** A glass jar of shelled hickory kernels with a coloured lid. */
export function kernelJarScene(o: SceneOptions): string {
  const rand = seededRandom(o.seed);
  const bd = backdrop(rand, { wall: o.wall, table: o.table, horizon: 700 });
  const defs =
    commonDefs() +
    bd.defs +
    '<clipPath id="jar"><rect x="580" y="330" width="440" height="600" rx="70"/></clipPath>' +
    '<linearGradient id="glass" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#fff" stop-opacity="0.35"/><stop offset="0.2" stop-color="#fff" stop-opacity="0.05"/><stop offset="0.85" stop-color="#fff" stop-opacity="0.02"/><stop offset="1" stop-color="#fff" stop-opacity="0.3"/></linearGradient>';
  let kernels = '';
  for (let y = 420; y < 960; y += 34) {
    for (let x = 560; x < 1040; x += 46)
      kernels += kernel(x + rand() * 20, y + rand() * 14, 74, rand);
  }
  const jar =
    shadow(800, 950, 280, 34, 0.55) +
    '<rect x="580" y="330" width="440" height="600" rx="70" fill="#5a3a1c"/>' +
    `<g clip-path="url(#jar)">${kernels}</g>` +
    '<rect x="580" y="330" width="440" height="600" rx="70" fill="url(#glass)" stroke="#fff" stroke-opacity="0.45" stroke-width="6"/>' +
    `<rect x="600" y="250" width="400" height="100" rx="20" fill="${o.accent}"/>` +
    `<rect x="600" y="250" width="400" height="26" rx="12" fill="${shade(o.accent, 0.35)}"/>` +
    '<rect x="630" y="560" width="340" height="150" rx="14" fill="#f5efe2" fill-opacity="0.95"/>' +
    `<rect x="650" y="580" width="300" height="10" fill="${o.accent}"/>` +
    `<rect x="650" y="680" width="300" height="10" fill="${o.accent}"/>`;
  const aside = Array.from({ length: 7 }, () =>
    kernel(1120 + rand() * 260, 960 + rand() * 140, 80, rand),
  ).join('');
  return svgDocument(defs, bd.body + jar + aside);
}
