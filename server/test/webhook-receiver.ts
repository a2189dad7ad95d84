import crypto from 'node:crypto';
import http from 'node:http';

export interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  answered: number;
}

/**
 * A local webhook receiver for tests: records every request and answers `failFirst` of them with
 * 500 (the first attempts of a delivery), then 200 (or a handler's answer).
 */
export async function startReceiver(opts: { failFirst?: number; alwaysFail?: boolean } = {}) {
  const received: Received[] = [];
  let failures = opts.failFirst ?? 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const fail = opts.alwaysFail === true || failures > 0;
      if (fail && !opts.alwaysFail) failures--;
      const answered = fail ? 500 : 200;
      received.push({ url: req.url ?? '', headers: req.headers, body, answered });
      res.writeHead(answered, { 'content-type': 'application/json' });
      res.end(fail ? '{"error":"not now"}' : '{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The receiver's side of the signature: HMAC-SHA256 of the raw body, compared in constant time. */
export function signatureValid(secret: string, body: string, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = crypto.createHmac('sha256', secret).update(body, 'utf8').digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
