import net from 'node:net';
import { z } from 'zod';

/** The only reader of process.env. Everything else receives an Env. */
const bool = z
  .string()
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** An IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`), as Fastify's trustProxy takes them. */
function isProxyAddress(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

export const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  /** A streaming replica of DATABASE_URL: reports and statistics read from it, nothing is written to it. */
  DATABASE_REPLICA_URL: z.string().optional(),
  /** Connections per process to DATABASE_URL (and as many to the replica). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Server processes started by `npm start` (PostgreSQL only; the embedded database allows one). */
  CIVICLINE_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** How often the background jobs run (deadline sweep, incident reports, key pruning), in the elected process. */
  CIVICLINE_JOB_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** How often the elected process delivers due webhooks (and forwards to other installations). */
  CIVICLINE_WEBHOOK_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Waits before the retries of a failed delivery, in seconds (the last repeats); comma-separated. */
  CIVICLINE_WEBHOOK_BACKOFF: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .default('30,120,600,1800,3600,7200,14400,28800')
    .transform((v) => v.split(',').map(Number)),
  /** A delivery not accepted within this many hours is given up (failed). */
  CIVICLINE_WEBHOOK_MAX_HOURS: z.coerce.number().min(0.001).max(720).default(24),
  /** Longest wait for a receiver's answer. */
  CIVICLINE_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  CIVICLINE_PROFILE: z.string().default('zibo-12345'),
  CIVICLINE_PROFILE_DIR: z.string().optional(),
  CIVICLINE_TEST_CLOCK: bool,
  CIVICLINE_NOW: z.string().optional(),
  /** Load the fictional demo city on first start (default on). */
  CIVICLINE_DEMO: z
    .string()
    .optional()
    .transform((v) => v === undefined || v === '1' || v === 'true' || v === 'yes'),
  /** How many demo orders to generate with the demo city (0: none). */
  CIVICLINE_DEMO_ORDERS: z.coerce.number().int().min(0).max(100000).default(150),
  /** A session unused this long is over. */
  CIVICLINE_IDLE_MINUTES: z.coerce.number().positive().default(30),
  /** Publish the demo knowledge base with the demo city (default on). */
  CIVICLINE_DEMO_KB: z
    .string()
    .optional()
    .transform((v) => v === undefined || v === '1' || v === 'true' || v === 'yes'),
  CIVICLINE_TOKEN_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is believed; default none. */
  CIVICLINE_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
    )
    .refine((list) => list.every(isProxyAddress), 'expected comma-separated IP addresses or CIDR ranges'),
  /** Longest time to receive one whole request (headers and body); a slower client gets 408. */
  CIVICLINE_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** On SIGTERM/SIGINT: in-flight requests get this long to finish before connections are cut. */
  CIVICLINE_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** `1`: one log line per request (access log); otherwise only slow requests and errors. */
  CIVICLINE_ACCESS_LOG: bool,
  /** Requests slower than this are logged as `slow request` even without the access log. */
  CIVICLINE_SLOW_REQUEST_MS: z.coerce.number().int().min(1).default(1_000),
  /** Text messages: `log` records them without sending (default), `http` posts them to a gateway. */
  CIVICLINE_SMS_PROVIDER: z.enum(['log', 'http']).default('log'),
  CIVICLINE_SMS_URL: z.string().url().optional(),
  CIVICLINE_SMS_ACCOUNT: z.string().optional(),
  CIVICLINE_SMS_SECRET: z.string().optional(),
  /** The signature name (签名) registered with the gateway. */
  CIVICLINE_SMS_SIGN: z.string().optional(),
  /** `name=id,name=id`: the gateway's template ids of our templates. */
  CIVICLINE_SMS_TEMPLATES: z
    .string()
    .optional()
    .transform((v) =>
      Object.fromEntries(
        (v ?? '')
          .split(',')
          .map((pair) => pair.split('=').map((x) => x.trim()))
          .filter((p): p is [string, string] => p.length === 2 && p[0] !== '' && p[1] !== ''),
      ),
    ),
  /** `path=value` of the gateway's JSON answer that means success (e.g. `code=0`); none: any 2xx. */
  CIVICLINE_SMS_SUCCESS_FIELD: z
    .string()
    .regex(/^[\w.]+=.*$/, 'expected path=value')
    .optional(),
  CIVICLINE_SMS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** The public address of the platform, for links in messages (the rating link). */
  CIVICLINE_PUBLIC_URL: z.string().url().optional(),
  /** Largest attachment (photo or document) in megabytes. */
  CIVICLINE_ATTACHMENT_MAX_MB: z.coerce.number().positive().max(100).default(10),
  /** HMAC key of the portal's proof-of-work challenge; unset: a key kept in DATA_DIR/.challenge-key. */
  CIVICLINE_CHALLENGE_KEY: z.string().min(16).optional(),
  /** Work of the portal's challenge: the largest number the browser may have to try (SHA-256 each). */
  CIVICLINE_CHALLENGE_MAX: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
  /**
   * Portal submissions per client address and hour accepted without a solved challenge (a citizen
   * on a page without scripts, a partner's form); beyond them the challenge is required. 0: always.
   */
  CIVICLINE_PORTAL_CHALLENGE_FREE: z.coerce.number().int().min(0).max(1000).default(3),
  /** Portal submissions per phone number and service day. */
  CIVICLINE_PORTAL_PHONE_DAILY: z.coerce.number().int().min(1).max(1000).default(5),
  /** Portal submissions per client address and hour. */
  CIVICLINE_PORTAL_IP_HOURLY: z.coerce.number().int().min(1).max(10000).default(20),
  /** Attachments in an S3-compatible bucket instead of DATA_DIR/attachments (with S3_ENDPOINT etc.). */
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Path-style addresses (MinIO and most self-hosted stores). */
  S3_FORCE_PATH_STYLE: z
    .string()
    .optional()
    .transform((v) => v === undefined || v === '1' || v === 'true' || v === 'yes'),
  /** Key prefix of the attachments in the bucket. */
  S3_PREFIX: z.string().default('attachments/'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (!env.DATABASE_URL && env.DATABASE_REPLICA_URL) {
    throw new Error(
      'Invalid configuration:\n  DATABASE_REPLICA_URL: needs DATABASE_URL (the primary it replicates)',
    );
  }
  if (!env.DATABASE_URL && env.CIVICLINE_WORKERS > 1) {
    throw new Error(
      'Invalid configuration:\n  CIVICLINE_WORKERS: several processes need DATABASE_URL (the embedded database allows one)',
    );
  }
  if (env.CIVICLINE_SMS_PROVIDER === 'http' && !env.CIVICLINE_SMS_URL) {
    throw new Error(
      'Invalid configuration:\n  CIVICLINE_SMS_URL: the http SMS provider needs the gateway URL',
    );
  }
  return env;
}
