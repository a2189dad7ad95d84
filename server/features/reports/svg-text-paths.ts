import { createRequire } from 'node:module';
import { cjkFontPath } from './cjk-font';

/**
 * ECharts' SVG text as outlines, before resvg rasterises a chart. resvg shapes every <text>
 * element against the 10 MB CJK font anew (about 0.1-0.3 s each: a chart has dozens of labels),
 * while fontkit — the font engine pdfkit already uses — opens the font once and lays out a label
 * in well under a millisecond. Only what ECharts writes is handled: one line per <text>,
 * text-anchor, dominant-baseline, font-size and the element's own x/y/transform and paint.
 */

interface FontPath {
  scale(sx: number, sy: number): FontPath;
  translate(x: number, y: number): FontPath;
  toSVG(): string;
}
interface Font {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  'OS/2'?: { typoAscender?: number; typoDescender?: number };
  layout(text: string): {
    glyphs: { path: FontPath }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
}

let font: Font | null = null;

function cjkFont(): Font {
  if (!font) {
    const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): Font };
    font = fontkit.openSync(cjkFontPath());
  }
  return font;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Presentation attributes a path keeps from its text element. */
const kept = new Set([
  'fill',
  'fill-opacity',
  'opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'paint-order',
  'transform',
  'stroke-linejoin',
]);

function attributes(s: string): Map<string, string> {
  return new Map([...s.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

function outline(
  f: Font,
  text: string,
  x: number,
  y: number,
  size: number,
  anchor: string,
  baseline: string,
): string {
  const scale = size / f.unitsPerEm;
  const run = f.layout(text);
  const width = run.positions.reduce((s, p) => s + p.xAdvance, 0) * scale;
  const ascent = f['OS/2']?.typoAscender ?? f.ascent;
  const descent = f['OS/2']?.typoDescender ?? f.descent;
  let x0 = x - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
  let shift = 0;
  if (baseline === 'central' || baseline === 'middle') shift = ((ascent + descent) / 2) * scale;
  else if (baseline === 'hanging' || baseline === 'text-before-edge') shift = ascent * scale;
  else if (baseline === 'text-after-edge' || baseline === 'ideographic') shift = descent * scale;
  const d: string[] = [];
  run.glyphs.forEach((g, i) => {
    const p = run.positions[i];
    if (!p) return;
    d.push(
      g.path
        .scale(scale, -scale)
        .translate(x0 + p.xOffset * scale, y + shift - p.yOffset * scale)
        .toSVG(),
    );
    x0 += p.xAdvance * scale;
  });
  return d.join('');
}

/** The SVG with every <text> element replaced by a <path> of its glyph outlines. */
export function svgTextToPaths(svg: string): string {
  const f = cjkFont();
  return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (_m, attrs: string, content: string) => {
    const a = attributes(attrs);
    const style = new Map(
      (a.get('style') ?? '')
        .split(';')
        .map((kv) => kv.split(':').map((s) => s.trim()))
        .filter((kv): kv is [string, string] => kv.length === 2),
    );
    const size = Number.parseFloat(style.get('font-size') ?? a.get('font-size') ?? '12') || 12;
    const text = unescape(content);
    if (!text.trim()) return '';
    const d = outline(
      f,
      text,
      Number(a.get('x') ?? 0),
      Number(a.get('y') ?? 0),
      size,
      a.get('text-anchor') ?? style.get('text-anchor') ?? 'start',
      a.get('dominant-baseline') ?? style.get('dominant-baseline') ?? 'alphabetic',
    );
    const paint = [...a]
      .filter(([k]) => kept.has(k))
      .map(([k, v]) => `${k}="${v}"`)
      .join(' ');
    return `<path d="${d}" ${paint}${a.has('fill') ? '' : ' fill="#000"'}/>`;
  });
}
