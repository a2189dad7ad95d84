import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import { SERVICE_OFFSET_MS, SERVICE_OFFSET_TEXT } from '../../../common/service-time';

/**
 * The wire formats of Open311 GeoReport v2: every resource as JSON or XML (UTF-8), datetimes in
 * ISO 8601 with the service time zone's offset, errors as a list of `{code, description}`.
 */

export const open311Formats = ['json', 'xml'] as const;
export type Open311Format = (typeof open311Formats)[number];

/** A GeoReport failure: `status` is both the HTTP status and the error's `code`. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 500,
    readonly description: string,
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}

export const badRequest = (description: string) => new Open311Error(400, description);

/** `services.json` → ['services', 'json']; a resource without a known format suffix is refused. */
export function splitFormat(file: string): { name: string; format: Open311Format } {
  const dot = file.lastIndexOf('.');
  const ext = dot < 0 ? '' : file.slice(dot + 1).toLowerCase();
  if (dot <= 0 || !(open311Formats as readonly string[]).includes(ext)) {
    throw badRequest('格式须为 json 或 xml（format must be json or xml）');
  }
  return { name: file.slice(0, dot), format: ext as Open311Format };
}

/** The format an erroneous request asked for (xml when its path ends in .xml), else json. */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0] ?? '';
  return /\.xml$/i.test(path) ? 'xml' : 'json';
}

/** An instant as `2026-12-07T09:00:00+08:00` (W3C datetime with the service offset). */
export function w3cDatetime(value: Date | null): string | null {
  if (!value) return null;
  const local = new Date(value.getTime() + SERVICE_OFFSET_MS).toISOString().slice(0, 19);
  return `${local}${SERVICE_OFFSET_TEXT}`;
}

const w3c = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Parses a W3C datetime (`2026-12-01`, `2026-12-01T08:00:00Z`, `…+08:00`); a date or a time
 * without an offset is read in service time. Undefined for anything else.
 */
export function parseW3cDatetime(text: string): Date | undefined {
  const m = w3c.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${zone ?? SERVICE_OFFSET_TEXT}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject rolled-over dates (2026-02-30).
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  return date;
}

type Scalar = string | number | boolean | null;
export type Open311Value = Scalar | Open311Value[] | { [key: string]: Open311Value };

const builder = new XMLBuilder({ ignoreAttributes: true, suppressEmptyNode: false, format: false });

/** XML text nodes: null as an empty element, booleans as true/false. */
function forXml(v: Open311Value): unknown {
  if (v === null) return '';
  if (Array.isArray(v)) return v.map(forXml);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, forXml(x)]));
  return String(v);
}

/**
 * Sends a resource. `root`/`item` name the XML list (`<services><service>…`); a single object
 * (`item` omitted) becomes `<root>…</root>`. JSON is the value as it is.
 */
export function sendOpen311(
  reply: FastifyReply,
  format: Open311Format,
  status: number,
  body: Open311Value,
  xml: { root: string; item?: string },
): FastifyReply {
  reply.status(status);
  if (format === 'json') {
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  }
  const inner = xml.item ? { [xml.item]: forXml(body) } : forXml(body);
  const text = `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [xml.root]: inner })}`;
  return reply.type('text/xml; charset=utf-8').send(text);
}

/** The spec's error document: `[{code, description}]` / `<errors><error>…</error></errors>`. */
export function sendOpen311Error(reply: FastifyReply, format: Open311Format, e: Open311Error): FastifyReply {
  return sendOpen311(reply, format, e.status, [{ code: e.status, description: e.description }], {
    root: 'errors',
    item: 'error',
  });
}
