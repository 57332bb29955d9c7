/**
 * The HTML report's plots, drawn as inline SVG by hand (no chart library, nothing fetched): a line chart and
 * horizontal stacked bars. Pure: data in, markup out; every text is escaped.
 */
import { escapeHtml as esc, clipMiddle } from './text.js';

/** Observable's 10-colour categorical palette and six of ColorBrewer's Dark2: distinct on white. */
export const PALETTE = [
  '#4269d0',
  '#efb118',
  '#ff725c',
  '#6cc5b0',
  '#3ca951',
  '#ff8ab7',
  '#a463f2',
  '#97bbf5',
  '#9c6b4e',
  '#9498a0',
  '#1b9e77',
  '#d95f02',
  '#7570b3',
  '#e7298a',
  '#66a61e',
  '#e6ab02',
] as const;

const WIDTH = 600;
const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 0));
const px = (n: number): string => n.toFixed(1);

/** 0, then about `count` round steps up to at least `max`. */
function ticks(max: number, count: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(v);
  return out;
}

function frame(height: number, label: string, body: string): string {
  return `<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${esc(label)}" class="plot">${body}</svg>`;
}

const empty = (label: string, why: string): string =>
  frame(80, label, `<text x="${WIDTH / 2}" y="44" text-anchor="middle" class="muted">${esc(why)}</text>`);

export interface LinePoint {
  readonly x: number;
  readonly y: number;
}

/** A line over x (e.g. seconds) with a filled area under it. */
export function lineChart(label: string, points: readonly LinePoint[], xUnit: string, yUnit: string): string {
  if (points.length < 2) return empty(label, 'not enough points recorded');
  const height = 240;
  const left = 56;
  const right = 16;
  const top = 14;
  const bottom = 40;
  const xMax = Math.max(...points.map((p) => p.x));
  const yTicks = ticks(Math.max(...points.map((p) => p.y)), 4);
  const xTicks = ticks(xMax, 6);
  const yMax = yTicks[yTicks.length - 1]!;
  const xTop = Math.max(xTicks[xTicks.length - 1]!, xMax);
  const X = (x: number): number => left + ((WIDTH - left - right) * x) / (xTop || 1);
  const Y = (y: number): number => top + (height - top - bottom) * (1 - y / (yMax || 1));
  const grid = yTicks
    .map(
      (t) =>
        `<line x1="${left}" x2="${WIDTH - right}" y1="${px(Y(t))}" y2="${px(Y(t))}" class="grid"/>` +
        `<text x="${left - 6}" y="${px(Y(t) + 4)}" text-anchor="end" class="tick">${fmt(t)}</text>`,
    )
    .join('');
  const xAxis = xTicks
    .filter((t) => t <= xTop)
    .map(
      (t) =>
        `<text x="${px(X(t))}" y="${height - bottom + 16}" text-anchor="middle" class="tick">${fmt(t)}</text>`,
    )
    .join('');
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(X(p.x))},${px(Y(p.y))}`).join('');
  const area = `${line}L${px(X(points[points.length - 1]!.x))},${px(Y(0))}L${px(X(points[0]!.x))},${px(Y(0))}Z`;
  return frame(
    height,
    label,
    grid +
      `<path d="${area}" fill="${PALETTE[0]}" fill-opacity="0.15"/>` +
      `<path d="${line}" fill="none" stroke="${PALETTE[0]}" stroke-width="2"/>` +
      xAxis +
      `<text x="${WIDTH - right}" y="${height - 6}" text-anchor="end" class="axis">${esc(xUnit)}</text>` +
      `<text x="12" y="${top + 4}" class="axis" transform="rotate(-90 12 ${top + 4})" text-anchor="end">${esc(yUnit)}</text>`,
  );
}

export interface BarRow {
  readonly label: string;
  /** Values per series key, stacked left to right in `series` order. */
  readonly values: Readonly<Record<string, number>>;
}

export interface Series {
  readonly key: string;
  readonly color: string;
}

/**
 * Horizontal stacked bars, one row each, longest label clipped (the whole label in a tooltip); a legend
 * when there is more than one series. `total` writes each row's sum (or its share, with `asShare`) at the end.
 */
export function barChart(
  label: string,
  rows: readonly BarRow[],
  series: readonly Series[],
  options: { readonly labelWidth?: number; readonly asShare?: boolean; readonly maxRows?: number } = {},
): string {
  if (rows.length === 0) return empty(label, 'nothing to show');
  const maxRows = options.maxRows ?? 30;
  const shown = rows.slice(0, maxRows);
  const labelWidth = options.labelWidth ?? 200;
  const rowH = 22;
  // The legend wraps onto as many lines as it needs, from the left edge.
  const places: { x: number; y: number; s: Series }[] = [];
  if (series.length > 1) {
    let lx = 8;
    let ly = 6;
    for (const s of series) {
      const w = 24 + s.key.length * 6.4;
      if (lx + w > WIDTH && lx > 8) {
        lx = 8;
        ly += 18;
      }
      places.push({ x: lx, y: ly, s });
      lx += w;
    }
  }
  const legendH = places.length === 0 ? 0 : places[places.length - 1]!.y + 18;
  const top = 6 + legendH;
  const more = rows.length - shown.length;
  const height = top + shown.length * rowH + (more > 0 ? 20 : 0) + 6;
  const valueW = 64;
  const barW = WIDTH - labelWidth - valueW - 8;
  const sum = (r: BarRow): number => series.reduce((s, k) => s + (r.values[k.key] ?? 0), 0);
  const max = Math.max(...shown.map(sum), 1e-9);
  const chars = Math.floor(labelWidth / 6.6);
  const legend = places
    .map(
      ({ x, y, s }) =>
        `<rect x="${px(x)}" y="${y}" width="10" height="10" rx="2" fill="${s.color}"/><text x="${px(x + 14)}" y="${y + 9}" class="tick">${esc(s.key)}</text>`,
    )
    .join('');
  const bars = shown
    .map((r, i) => {
      const y = top + i * rowH;
      let x = labelWidth;
      const segs = series
        .filter((s) => (r.values[s.key] ?? 0) > 0)
        .map((s) => {
          const w = (barW * (r.values[s.key] ?? 0)) / max;
          const seg = `<rect x="${px(x)}" y="${y + 3}" width="${px(Math.max(w, 1))}" height="${rowH - 6}" fill="${s.color}"><title>${esc(`${r.label}: ${s.key} ${fmt(r.values[s.key] ?? 0)}`)}</title></rect>`;
          x += w;
          return seg;
        })
        .join('');
      const total = sum(r);
      const value = options.asShare ? `${(total * 100).toFixed(1)}%` : fmt(total);
      return (
        `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label"><title>${esc(r.label)}</title>${esc(clipMiddle(r.label, chars))}</text>` +
        segs +
        `<text x="${px(x + 6)}" y="${y + 15}" class="tick">${esc(value)}</text>`
      );
    })
    .join('');
  const tail =
    more > 0
      ? `<text x="${labelWidth}" y="${top + shown.length * rowH + 14}" class="muted">and ${more} more</text>`
      : '';
  return frame(height, label, legend + bars + tail);
}
