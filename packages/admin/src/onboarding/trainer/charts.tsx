/**
 * Charts drawn as SVG on the server: no script, no external library, readable
 * by screen readers (a title and the numbers as text), printable.
 */

const BAR = '#b85c00';
const AXIS = '#8a817c';

/** One bar: its label, its value (for the length) and the value as people read it. */
export interface BarDatum {
  label: string;
  value: number;
  text: string;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A horizontal bar chart (sales by shop). */
export function BarChart(props: { title: string; data: BarDatum[]; width?: number }) {
  const width = props.width ?? 640;
  const row = 26;
  const labelW = 170;
  const valueW = 110;
  const max = Math.max(1, ...props.data.map((d) => d.value));
  const height = props.data.length * row + 8;
  const id = `c${Math.abs(hash(props.title))}`;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={id}
      >
        <title id={id}>{props.title}</title>
        {props.data.map((d, i) => {
          const w = Math.round(((width - labelW - valueW) * d.value) / max);
          const y = i * row + 4;
          return (
            <g>
              <text x={labelW - 6} y={y + 15} font-size="12" text-anchor="end" fill="#222">
                {clip(d.label, 24)}
              </text>
              <rect
                x={labelW}
                y={y}
                width={Math.max(w, d.value > 0 ? 2 : 0)}
                height={row - 8}
                fill={BAR}
              />
              <text x={labelW + w + 6} y={y + 15} font-size="12" fill="#222">
                {d.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** A column chart over time (sales by month). */
export function ColumnChart(props: { title: string; data: BarDatum[]; width?: number }) {
  const width = props.width ?? 640;
  const height = 220;
  const top = 24;
  const bottom = 36;
  const plot = height - top - bottom;
  const n = Math.max(1, props.data.length);
  const slot = (width - 20) / n;
  const colW = Math.min(60, slot * 0.7);
  const max = Math.max(1, ...props.data.map((d) => d.value));
  const id = `c${Math.abs(hash(props.title))}`;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={id}
      >
        <title id={id}>{props.title}</title>
        <line x1="10" y1={top + plot} x2={width - 10} y2={top + plot} stroke={AXIS} />
        {props.data.map((d, i) => {
          const h = Math.round((plot * d.value) / max);
          const x = 10 + i * slot + (slot - colW) / 2;
          const cx = x + colW / 2;
          return (
            <g>
              <rect x={x} y={top + plot - h} width={colW} height={h} fill={BAR} />
              <text x={cx} y={top + plot - h - 6} font-size="11" text-anchor="middle" fill="#222">
                {d.text}
              </text>
              <text x={cx} y={height - 14} font-size="11" text-anchor="middle" fill={AXIS}>
                {d.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}
