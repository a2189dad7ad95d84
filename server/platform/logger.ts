import { pino, type Logger } from 'pino';

/** Paths that may carry personal data; pino replaces them before anything is written. */
export const redactPaths = [
  'caller',
  '*.caller',
  'caller.*',
  'password',
  '*.password',
  'req.headers.authorization',
  'headers.authorization',
  'req.headers["x-api-key"]',
  'headers["x-api-key"]',
  'token',
  '*.token',
  'phone',
  '*.phone',
  'idNumber',
  '*.idNumber',
  // Database errors quote the offending values ("Key (phone)=(…) already exists").
  'err.detail',
  'err.where',
  'err.parameters',
  'body',
  '*.body',
];

/** Mainland mobile numbers and 15/18-digit identity numbers, wherever they appear in a path. */
const personalDigits = /(?<!\d)(?:1[3-9]\d{9}|\d{17}[\dXx]|\d{15})(?!\d)/g;

/**
 * A request URL as it may be logged: the path with phone-like digit runs masked, and the query
 * string reduced to its parameter names. Searches carry callers' names, phones and own words
 * (`?phone=…`, `?q=…`), so no query value ever reaches the log.
 */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q < 0 ? url : url.slice(0, q)).replace(personalDigits, '***');
  if (q < 0) return path;
  const names = [...new URLSearchParams(url.slice(q + 1)).keys()];
  return names.length
    ? `${path}?${[...new Set(names)].map((n) => `${encodeURIComponent(n)}=…`).join('&')}`
    : path;
}

interface LoggableRequest {
  method?: string;
  url?: string;
  ip?: string;
  routeOptions?: { url?: string };
}

/** The request as written by Fastify's request log: no query values, no headers, no body. */
function serializeRequest(req: LoggableRequest) {
  return {
    method: req.method,
    url: loggableUrl(req.url ?? ''),
    route: req.routeOptions?.url,
    remoteAddress: req.ip,
  };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: { req: serializeRequest, err: pino.stdSerializers.err },
      base: undefined,
    },
    destination as pino.DestinationStream | undefined,
  );
}

export type { Logger };
