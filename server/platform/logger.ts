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
  'token',
  '*.token',
  'phone',
  '*.phone',
  'idNumber',
  '*.idNumber',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      base: undefined,
    },
    destination as pino.DestinationStream | undefined,
  );
}

export type { Logger };
