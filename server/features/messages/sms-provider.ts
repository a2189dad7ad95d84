import { createHmac } from 'node:crypto';
import type { Env } from '../../platform/env';
import type { Logger } from '../../platform/logger';
import { maskRecipient } from '../../domain/messages/messages';

/** One message as a provider receives it. */
export interface OutgoingSms {
  id: number;
  to: string;
  template: string;
  text: string;
  params: Record<string, string>;
}

export type SendResult = { ok: true } | { ok: false; error: string };

/** Where text messages go: `log` records them, `http` posts them to an SMS gateway. */
export interface SmsProvider {
  readonly name: string;
  send(msg: OutgoingSms): Promise<SendResult>;
}

/** Records messages without sending them (the default, and the demo's). */
export function logProvider(logger: Logger): SmsProvider {
  return {
    name: 'log',
    send(msg) {
      logger.debug(
        { sms: msg.id, to: maskRecipient(msg.to), template: msg.template },
        'text message (log provider)',
      );
      return Promise.resolve({ ok: true });
    },
  };
}

export interface HttpGatewayConfig {
  url: string;
  account: string;
  secret: string;
  sign: string;
  /** Our template names → the gateway's template ids (templates without one send their text). */
  templateIds: Record<string, string>;
  /** `path=value` in the JSON answer that means success (e.g. `code=0`); none: any 2xx. */
  successField: string | null;
  timeoutMs: number;
}

/** The value at a dotted path of a JSON answer. */
function fieldAt(body: unknown, path: string): unknown {
  let v: unknown = body;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * A generic HTTP gateway in the form Chinese SMS services take: a JSON POST with the account,
 * the signature name (签名), the template id and its parameters, a timestamp and an
 * HMAC-SHA256 of `account + timestamp + phone` keyed by the secret. Success: HTTP 2xx and, when
 * configured, the answer's field equal to the expected value.
 */
export function httpGatewayProvider(cfg: HttpGatewayConfig): SmsProvider {
  return {
    name: 'http',
    async send(msg) {
      const timestamp = String(Date.now());
      const signature = createHmac('sha256', cfg.secret)
        .update(`${cfg.account}${timestamp}${msg.to}`)
        .digest('hex');
      const payload = {
        account: cfg.account,
        sign: cfg.sign,
        phone: msg.to,
        templateId: cfg.templateIds[msg.template] ?? null,
        templateParams: msg.params,
        content: msg.text,
        timestamp,
        signature,
        requestId: String(msg.id),
      };
      try {
        const res = await fetch(cfg.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(cfg.timeoutMs),
        });
        const text = await res.text();
        if (!res.ok) return { ok: false, error: `HTTP ${res.status}` };
        if (cfg.successField) {
          const [path = '', expected = ''] = cfg.successField.split('=');
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            return { ok: false, error: 'answer is not JSON' };
          }
          const got = fieldAt(body, path);
          if (String(got) !== expected) return { ok: false, error: `${path}=${String(got)}` };
        }
        return { ok: true };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}

/** The provider the configuration names (CIVICLINE_SMS_PROVIDER). */
export function providerFromEnv(env: Env, logger: Logger): SmsProvider {
  if (env.CIVICLINE_SMS_PROVIDER !== 'http') return logProvider(logger);
  return httpGatewayProvider({
    url: env.CIVICLINE_SMS_URL ?? '',
    account: env.CIVICLINE_SMS_ACCOUNT ?? '',
    secret: env.CIVICLINE_SMS_SECRET ?? '',
    sign: env.CIVICLINE_SMS_SIGN ?? '',
    templateIds: env.CIVICLINE_SMS_TEMPLATES,
    successField: env.CIVICLINE_SMS_SUCCESS_FIELD ?? null,
    timeoutMs: env.CIVICLINE_SMS_TIMEOUT_MS,
  });
}
