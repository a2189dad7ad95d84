import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';

/**
 * Reading generated documents back in tests, as a checker from outside would: the text runs of
 * a docx (word/document.xml), the text of a PDF through its fonts' ToUnicode maps.
 */

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** A docx's paragraphs and table rows: each table row as its cells' text joined by '|'. */
export async function docxText(bytes: Buffer): Promise<{ paragraphs: string[]; rows: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  const runs = (s: string) =>
    [...s.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => xmlText(m[1] ?? '')).join('');
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => runs(tc[0])).join('|'),
  );
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => runs(p[0]));
  return { paragraphs, rows };
}

function streams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const text = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    const dict = text.slice(Math.max(0, m.index - 400), m.index);
    const flate = /\/FlateDecode/.test(dict.slice(dict.lastIndexOf('<<')));
    try {
      out.push(flate ? inflateSync(raw) : raw);
    } catch {
      out.push(raw);
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out;
}

/** Glyph id → text, from every ToUnicode CMap (bfchar and bfrange entries). */
function toUnicode(maps: string[]): Map<number, string> {
  const out = new Map<number, string>();
  const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const cmap of maps) {
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const e of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        out.set(parseInt(e[1] ?? '0', 16), hex(e[2] ?? ''));
      }
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const e of (block[1] ?? '').matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
      )) {
        const from = parseInt(e[1] ?? '0', 16);
        const to = parseInt(e[2] ?? '0', 16);
        const dst = e[3] ?? '';
        if (dst.startsWith('[')) {
          [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => out.set(from + i, hex(d[1] ?? '')));
        } else {
          const base = parseInt(dst.slice(1, -1), 16);
          for (let g = from; g <= to; g++) out.set(g, String.fromCodePoint(base + g - from));
        }
      }
    }
  }
  return out;
}

/**
 * The text a PDF shows, one entry per text-showing operator (Tj/TJ), decoded through the
 * ToUnicode maps (pdfkit writes embedded fonts as Identity-H with two-byte glyph ids).
 */
export function pdfText(pdf: Buffer): string[] {
  const all = streams(pdf).map((s) => s.toString('latin1'));
  const glyphs = toUnicode(all.filter((s) => s.includes('begincmap')));
  const decode = (h: string) =>
    (h.match(/.{4}/g) ?? []).map((g) => glyphs.get(parseInt(g, 16)) ?? '').join('');
  const out: string[] = [];
  for (const s of all) {
    for (const op of s.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1] !== undefined) {
        out.push([...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => decode(x[1] ?? '')).join(''));
      } else out.push(decode(op[2] ?? ''));
    }
  }
  return out;
}
