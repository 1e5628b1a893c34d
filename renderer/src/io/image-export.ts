// Exports an on-screen SVG chart as a standalone SVG file or a PNG image. The app styles its
// charts with CSS variables, which mean nothing outside the page, so every visual property is
// copied from the computed style onto the copy as plain attributes.

const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-weight',
  'letter-spacing',
  'visibility',
  'paint-order',
  'stroke-linejoin',
] as const;

import type { ImageLegendRow } from '../charts/frame';
import { CHAR_PX, textWidth } from '../charts/text';
import inter400 from '@fontsource/inter/files/inter-latin-400-normal.woff2?url';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';

/**
 * Exported files carry their own font (Inter, SIL Open Font License, Latin subset, about 48 KB)
 * so text looks the same wherever they are opened; other scripts fall back to system fonts.
 * The font files are separate build assets, loaded only when something is exported.
 */
export const EXPORT_FONT_FAMILY = 'Keel Export Inter';
export const EXPORT_FONT = `'${EXPORT_FONT_FAMILY}', 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif`;

let fontCss: Promise<string> | undefined;

function toBase64(bytes: ArrayBuffer): string {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The @font-face rules that embed the export font, fetched from the app's own files once. */
export function exportFontCss(): Promise<string> {
  fontCss ??= Promise.all(
    [
      [inter400, 400],
      [inter700, 700],
    ].map(async ([url, weight]) => {
      const response = await fetch(url as string);
      if (!response.ok) throw new Error(`font ${String(url)}: ${response.status}`);
      const data = toBase64(await response.arrayBuffer());
      return `@font-face{font-family:'${EXPORT_FONT_FAMILY}';font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');}`;
    }),
  )
    .then((rules) => rules.join(''))
    .catch(() => {
      fontCss = undefined;
      // Without the embedded font the fallbacks in EXPORT_FONT still give a readable file.
      return '';
    });
  return fontCss;
}

/** One legend row under a chart in a file: its label and its sample (charts/frame.ts). */
export type ExportLegendRow = ImageLegendRow;

export interface ExportFrame {
  title: string;
  subtitle: string;
  legend: ExportLegendRow[];
  /** What the numbers drawn on the chart stand for, in full (a map's crowded or cut titles). */
  key?: ExportKeyRow[];
}

export interface ExportKeyRow {
  number: number;
  title: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The title's and subtitle's line heights, and the rough width of a bold 18 px title character. */
const TITLE_LINE = 22;
const SUBTITLE_LINE = 16;
const TITLE_CHAR_PX = 10.6;
const LEGEND_ROW = 22;
const KEY_LINE = 18;
const KEY_COLUMN = 330;
const KEY_NUMBER = 32;

/** Words of `text` in lines of at most `maxPx` (a word longer than a line gets a line of its own). */
function wrapWords(text: string, maxPx: number, charPx = CHAR_PX): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, charPx) > maxPx) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return [...lines, line];
}

/**
 * The key under a chart: each number and its text whole, in columns when every text fits one,
 * else one entry a row with long texts wrapped. Positions are from the key's top left.
 */
function keyLayout(rows: readonly ExportKeyRow[], width: number): { height: number; entries: { x: number; y: number; number: string; lines: string[] }[] } {
  const textRoom = KEY_COLUMN - KEY_NUMBER - 16;
  const columns = rows.every((r) => textWidth(r.title, CHAR_PX) <= textRoom) ? Math.max(1, Math.floor((width - 40) / KEY_COLUMN)) : 1;
  const perColumn = Math.ceil(rows.length / columns);
  const room = columns === 1 ? width - 40 - KEY_NUMBER : textRoom;
  let y = 0;
  let height = 0;
  const entries = rows.map((row, i) => {
    if (i % perColumn === 0) y = 0;
    const lines = wrapWords(row.title, room);
    const entry = { x: Math.floor(i / perColumn) * KEY_COLUMN, y, number: String(row.number), lines };
    y += lines.length * KEY_LINE;
    height = Math.max(height, y);
    return entry;
  });
  return { height, entries };
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A standalone SVG of an on-screen chart, framed with a title and a legend so the file makes
 * sense on its own (in a report, a slide or an email).
 */
export function standaloneSvg(source: SVGSVGElement, background: string, frame?: ExportFrame, fontFaces = ''): string {
  // Files go into reports and slides: always the light palette. The theme switch and the style
  // reads happen in one synchronous stretch, so the screen never paints in the other theme.
  const root = document.documentElement;
  const previousTheme = root.dataset.theme;
  root.dataset.theme = 'light';
  try {
    return drawStandalone(source, background, frame, fontFaces);
  } finally {
    if (previousTheme === undefined) delete root.dataset.theme;
    else root.dataset.theme = previousTheme;
  }
}

/** The computed look of each original copied onto its copy as plain attributes. */
function copyStyles(originals: readonly Element[], copies: readonly Element[]): void {
  originals.forEach((original, i) => {
    const target = copies[i] as Element;
    // A title is a tooltip, not drawn: it needs no style.
    if (original instanceof SVGTitleElement) return;
    const style = getComputedStyle(original);
    for (const property of STYLE_PROPERTIES) {
      const value = style.getPropertyValue(property);
      // url("#id") as url(#id): the form every SVG reader takes.
      if (value) target.setAttribute(property, value.replace(/^url\("(#[^"]+)"\)$/, 'url($1)'));
    }
    // Interaction attributes mean nothing in a file, nor do in-app links.
    // The inline style goes too: its computed values are copied above, and a theme variable in it
    // (a kind's colour) would mean nothing in the file and override them.
    for (const attribute of ['tabindex', 'role', 'aria-pressed', 'aria-label', 'aria-current', 'class', 'data-id', 'href', 'style']) target.removeAttribute(attribute);
    if (original instanceof SVGTextElement && style.getPropertyValue('text-transform') === 'uppercase') {
      target.textContent = (target.textContent ?? '').toUpperCase();
    }
  });
}

/** Copies of what the chart's paint refers to by id (a hatch pattern) but keeps outside itself. */
function externalDefs(copy: SVGSVGElement): Element[] {
  const ids = new Set<string>();
  for (const node of [copy, ...copy.querySelectorAll('*')]) {
    for (const attribute of ['fill', 'stroke']) {
      const id = /^url\(#([^)]+)\)$/.exec(node.getAttribute(attribute) ?? '')?.[1];
      if (id && !copy.querySelector(`[id="${CSS.escape(id)}"]`)) ids.add(id);
    }
  }
  return [...ids].flatMap((id) => {
    const original = document.getElementById(id);
    if (!(original instanceof SVGElement)) return [];
    const copied = original.cloneNode(true) as Element;
    copyStyles([original, ...original.querySelectorAll('*')], [copied, ...copied.querySelectorAll('*')]);
    return [copied];
  });
}

/** A theme variable (`var(--accent)`) as the colour it stands for now; other colours as they are. */
function resolveColor(value: string): string {
  const name = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
  return name ? getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#17202b' : value;
}

/** The id of the legend's hatching in a colour (one pattern per colour, made by legendHatches). */
const hatchId = (color: string) => `keel-legend-hatch-${color.replace(/[^\w]/g, '')}`;

/** The sample beside a legend row's label, 12 px square from the row's top left. */
function legendSample(entry: ExportLegendRow, ink: string): SVGElement[] {
  const samples: SVGElement[] = [];
  if (entry.color) samples.push(el('rect', { width: 12, height: 12, rx: 2, fill: resolveColor(entry.color), ...(entry.opacity !== undefined ? { 'fill-opacity': entry.opacity } : {}) }));
  if (entry.hatch) {
    const color = resolveColor(entry.hatch);
    samples.push(el('rect', { x: 0.75, y: 0.75, width: 10.5, height: 10.5, rx: 2, fill: `url(#${hatchId(color)})`, stroke: color, 'stroke-width': 1.5 }));
  }
  if (entry.dashed) samples.push(el('rect', { x: 0.75, y: 0.75, width: 10.5, height: 10.5, rx: 2, fill: 'none', stroke: resolveColor(entry.dashed), 'stroke-width': 1.5, 'stroke-dasharray': '3 2' }));
  if (entry.line) {
    const { color, dash, width = 2 } = entry.line;
    samples.push(el('line', { x1: 0, x2: 12, y1: 6, y2: 6, stroke: resolveColor(color), 'stroke-width': width, ...(dash ? { 'stroke-dasharray': dash } : {}) }));
  }
  if (entry.path) samples.push(el('path', { d: entry.path, transform: 'translate(6,6) scale(0.8)', fill: entry.symbolColor ? resolveColor(entry.symbolColor) : ink, opacity: entry.symbolColor ? 1 : 0.7 }));
  if (entry.outline) {
    samples.push(el('path', { d: entry.outline, transform: 'translate(6,6) scale(0.6)', fill: 'none', stroke: ink, 'stroke-width': 1.5, 'stroke-dasharray': '3 2' }));
  }
  return samples;
}

/** The hatchings the legend's hatched samples use, one in each of their colours. */
function legendHatches(legend: readonly ExportLegendRow[]): SVGElement[] {
  const colors = new Set(legend.flatMap((entry) => (entry.hatch ? [resolveColor(entry.hatch)] : [])));
  return [...colors].map((color) => {
    const pattern = el('pattern', { id: hatchId(color), width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    pattern.append(el('line', { x1: 0, y1: 0, x2: 0, y2: 4, stroke: color, 'stroke-width': 1.5 }));
    return pattern;
  });
}

/** The size a chart is drawn at: its viewBox when it has one (it scales to its box on screen). */
function drawnSize(source: SVGSVGElement): { width: number; height: number } {
  const box = source.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  return { width: source.width.baseVal.value, height: source.height.baseVal.value };
}

function drawStandalone(source: SVGSVGElement, background: string, frame: ExportFrame | undefined, fontFaces: string): string {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const originals = [source, ...source.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  // On-screen state (what is selected, its trail, a focus ring) is not part of the picture.
  const transient = new Set(copies.filter((node) => node.matches('.selection, .trail, .focus-ring, .selection *, .trail *')));
  copyStyles(originals, copies);
  const defs = externalDefs(copy);
  const { width, height: chartHeight } = drawnSize(source);
  const perRow = Math.max(1, Math.floor((width - 40) / 220));
  const legendRows = frame ? Math.ceil(frame.legend.length / perRow) : 0;
  // A long question or a narrow chart: the title and subtitle wrap rather than run off the edge.
  const titleLines = frame ? wrapWords(frame.title, width - 40, TITLE_CHAR_PX) : [];
  const subtitleLines = frame ? wrapWords(frame.subtitle, width - 40) : [];
  const subtitleTop = 28 + (titleLines.length - 1) * TITLE_LINE + 18;
  const top = frame ? subtitleTop + (subtitleLines.length - 1) * SUBTITLE_LINE + 10 : 0;
  const legendHeight = legendRows ? legendRows * LEGEND_ROW + 16 : 0;
  const key = frame?.key?.length ? keyLayout(frame.key, width) : undefined;
  const keyTop = top + chartHeight + legendHeight + 8;
  const height = top + chartHeight + legendHeight + (key ? key.height + 40 : 0);
  const ink = getComputedStyle(source).getPropertyValue('color') || '#17202b';

  const out = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': EXPORT_FONT });
  if (fontFaces) out.append(el('style', {}, fontFaces));
  const hatches = legendHatches(frame?.legend ?? []);
  if (defs.length || hatches.length) {
    const holder = el('defs', {});
    holder.append(...defs, ...hatches);
    out.append(holder);
  }
  out.append(el('rect', { width, height, fill: background }));
  if (frame) {
    titleLines.forEach((line, i) => out.append(el('text', { x: 20, y: 28 + i * TITLE_LINE, 'font-size': 18, 'font-weight': 700, fill: ink }, line)));
    subtitleLines.forEach((line, i) => out.append(el('text', { x: 20, y: subtitleTop + i * SUBTITLE_LINE, 'font-size': 12, fill: ink, opacity: 0.7 }, line)));
  }
  for (const node of transient) node.parentNode?.removeChild(node);
  const chart = el('g', { transform: `translate(0,${top})` });
  chart.append(...Array.from(copy.childNodes));
  out.append(chart);
  frame?.legend.forEach((entry, i) => {
    const x = 20 + (i % perRow) * 220;
    const y = top + chartHeight + 12 + Math.floor(i / perRow) * LEGEND_ROW;
    const row = el('g', { transform: `translate(${x},${y})` });
    row.append(...legendSample(entry, ink));
    row.append(el('text', { x: 18, y: 10, 'font-size': 12, fill: ink }, entry.label));
    out.append(row);
  });
  if (key) {
    out.append(el('text', { x: 20, y: keyTop + 14, 'font-size': 12, 'font-weight': 700, fill: ink }, 'Key'));
    for (const entry of key.entries) {
      const x = 20 + entry.x;
      const y = keyTop + 34 + entry.y;
      out.append(el('text', { x: x + KEY_NUMBER - 8, y, 'font-size': 12, 'font-weight': 700, fill: ink, 'text-anchor': 'end' }, entry.number));
      entry.lines.forEach((line, n) => out.append(el('text', { x: x + KEY_NUMBER, y: y + n * KEY_LINE, 'font-size': 12, fill: ink }, line)));
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}\n`;
}

/** The size an exported SVG declares. */
export function svgSize(svgText: string): { width: number; height: number } {
  const root = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
}

/**
 * Renders SVG text to PNG bytes at `scale` (1, 2, or less when the size checked by
 * io/image-size.ts `pngSize` said the one asked for would not fit a canvas).
 */
export async function svgToPng(svgText: string, width: number, height: number, scale: number): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This computer could not create an image canvas.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The image was too large to create; try 1x.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
