import crypto from 'node:crypto';
import { isPhoneNumber } from '../../../common/contracts/phone';
import type { AppContext } from '../../platform/context';
import { isAppError } from '../../platform/errors';
import { authenticateApiKey, type ApiKeyPrincipal } from '../api-keys/authenticate-api-key';
import { createTicket } from '../tickets/create-ticket';
import { badRequest, Open311Error, parseW3cDatetime, w3cDatetime } from './open311-format';
import { clientActor, insertOpen311Request } from './open311.repository';
import { attributesOf, findService, ticketTypeOf, type ServiceAttribute } from './service-catalogue';

/** The fields of a request: each name with its values in order (form fields may repeat). */
export type Fields = Map<string, string[]>;

const one = (f: Fields, name: string): string | undefined => {
  const v = f.get(name)?.[0]?.trim();
  return v === undefined || v === '' ? undefined : v;
};

/** The `open311` key of a request (`api_key` field or `X-API-Key` header); else 403. */
export async function open311Key(ctx: AppContext, key: string | undefined): Promise<ApiKeyPrincipal> {
  if (!key) throw new Open311Error(403, '缺少 api_key（api_key is required）');
  let principal: ApiKeyPrincipal;
  try {
    principal = await authenticateApiKey(ctx, key);
  } catch (e) {
    if (isAppError(e) && e.code === 'API_KEY_INVALID') {
      throw new Open311Error(403, 'api_key 无效或已吊销（invalid api_key）');
    }
    throw e;
  }
  if (!principal.scopes.includes('open311')) {
    throw new Open311Error(403, 'api_key 无开放接口权限（api_key lacks the open311 scope）');
  }
  return principal;
}

function numberIn(text: string | undefined, name: string, min: number, max: number): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  if (!/^[-+]?\d+(\.\d+)?$/.test(text) || n < min || n > max) {
    throw badRequest(`${name} 须为 ${min} 到 ${max} 之间的数（${name} is out of range）`);
  }
  return n;
}

function bounded(text: string | undefined, name: string, max: number): string | null {
  if (text === undefined) return null;
  if ([...text].length > max) throw badRequest(`${name} 不能超过 ${max} 个字（${name} is too long）`);
  return text;
}

/** The answers to a service's attributes, checked against its definition. */
export function readAttributes(
  defs: readonly ServiceAttribute[],
  fields: Fields,
): { answers: Record<string, string | string[]>; lines: string[] } {
  const answers: Record<string, string | string[]> = {};
  const lines: string[] = [];
  for (const def of defs) {
    if (!def.variable) continue;
    const raw = [
      ...(fields.get(`attribute[${def.code}]`) ?? []),
      ...(fields.get(`attribute[${def.code}][]`) ?? []),
    ]
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (raw.length === 0) {
      if (def.required) {
        throw badRequest(
          `缺少必填属性 ${def.code}（${def.description}）（attribute[${def.code}] is required）`,
        );
      }
      continue;
    }
    const bad = () =>
      badRequest(`属性 ${def.code}（${def.description}）的取值无效（attribute[${def.code}] is invalid）`);
    const first = raw[0] ?? '';
    const keys = new Map((def.values ?? []).map((v) => [v.key, v.name]));
    switch (def.datatype) {
      case 'singlevaluelist':
        if (raw.length !== 1 || !keys.has(first)) throw bad();
        answers[def.code] = first;
        lines.push(`${def.description}：${keys.get(first)}`);
        break;
      case 'multivaluelist': {
        const values = [...new Set(raw.flatMap((v) => v.split(',')).map((v) => v.trim()))];
        if (values.some((v) => !keys.has(v))) throw bad();
        answers[def.code] = values;
        lines.push(`${def.description}：${values.map((v) => keys.get(v)).join('、')}`);
        break;
      }
      case 'number':
        if (raw.length !== 1 || !/^[-+]?\d+(\.\d+)?$/.test(first)) throw bad();
        answers[def.code] = first;
        lines.push(`${def.description}：${first}`);
        break;
      case 'datetime': {
        const at = raw.length === 1 ? parseW3cDatetime(first) : undefined;
        if (!at) throw bad();
        answers[def.code] = w3cDatetime(at) ?? first;
        lines.push(`${def.description}：${w3cDatetime(at)?.slice(0, 16).replace('T', ' ')}`);
        break;
      }
      case 'string':
      case 'text': {
        const max = def.datatype === 'string' ? 200 : 2000;
        if (raw.length !== 1 || [...first].length > max) throw bad();
        answers[def.code] = first;
        lines.push(`${def.description}：${first}`);
        break;
      }
    }
  }
  return { answers, lines };
}

export interface SubmittedRequest {
  service_request_id: string;
  token: string;
  service_notice: string;
  account_id: string | null;
}

/**
 * POST requests: a GeoReport request becomes an order through the intake (channel `open311`,
 * created by the key's agent account), with the request's extra fields kept beside it in the
 * same transaction. The citizen's name and phone are the order's caller; without a phone the
 * order has no contact and the platform answers through the Open311 status only.
 */
export async function submitRequest(ctx: AppContext, fields: Fields, headerKey: string | undefined) {
  const key = await open311Key(ctx, one(fields, 'api_key') ?? headerKey);
  const serviceCode = one(fields, 'service_code');
  if (!serviceCode) throw badRequest('缺少 service_code（service_code is required）');
  const service = await findService(ctx.db, serviceCode);
  if (!service) throw badRequest(`service_code ${serviceCode} 不存在（service_code not found）`);

  const lat = numberIn(one(fields, 'lat'), 'lat', -90, 90);
  const long = numberIn(one(fields, 'long'), 'long', -180, 180);
  if ((lat === null) !== (long === null)) {
    throw badRequest('lat 与 long 须同时提供（lat and long go together）');
  }
  const addressString = bounded(one(fields, 'address_string'), 'address_string', 200);
  const addressId = bounded(one(fields, 'address_id'), 'address_id', 100);
  if (lat === null && !addressString && !addressId) {
    throw badRequest('须提供位置：lat/long、address_string 或 address_id（a location is required）');
  }
  const description = bounded(one(fields, 'description'), 'description', 4000);
  const phone = bounded(one(fields, 'phone'), 'phone', 24);
  if (phone && !isPhoneNumber(phone)) throw badRequest('phone 格式不正确（phone is invalid）');
  const email = bounded(one(fields, 'email'), 'email', 200);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw badRequest('email 格式不正确（email is invalid）');
  }
  const mediaUrl = bounded(one(fields, 'media_url'), 'media_url', 1000);
  if (mediaUrl && !/^https?:\/\/\S+$/i.test(mediaUrl)) {
    throw badRequest('media_url 须为 http(s) 地址（media_url is invalid）');
  }
  const name = `${one(fields, 'last_name') ?? ''}${one(fields, 'first_name') ?? ''}`;
  bounded(name || undefined, 'first_name + last_name', 50);
  const accountId = bounded(one(fields, 'account_id'), 'account_id', 100);
  const deviceId = bounded(one(fields, 'device_id'), 'device_id', 100);
  const { answers, lines } = readAttributes(attributesOf(service.service_code), fields);

  const coords = lat !== null && long !== null ? `（坐标 ${lat},${long}）` : '';
  const address = addressString ?? (addressId ? `地址编号 ${addressId}` : '');
  const content = [description ?? `${service.service_name}`, ...lines].join('\n');
  const now = ctx.clock.now();
  const actor = await clientActor(ctx.db, key, now);
  const token = crypto.randomBytes(16).toString('base64url');
  let ticketNo = '';
  try {
    await createTicket(
      ctx,
      { ...actor, role: 'agent', sessionId: 0 },
      {
        channel: 'open311',
        type: ticketTypeOf(service.service_code),
        category: service.service_code,
        urgency: 'normal',
        level: 'city',
        caller: {
          ...(name ? { name } : {}),
          ...(phone ? { phone } : {}),
          confidential: false,
        },
        location: { address: `${address}${coords}`.slice(0, 200) },
        content,
        channelRef: `open311:${token}`,
        tags: [],
        complex: false,
        disposition: 'order',
      },
      {
        within: async (trx, ticketId, no) => {
          ticketNo = no;
          await insertOpen311Request(trx, {
            ticketId,
            token,
            apiKeyId: key.id,
            serviceCode: service.service_code,
            lat,
            long,
            addressId,
            email,
            deviceId,
            accountId,
            mediaUrl,
            attributes: answers,
            requestedAt: now,
          });
        },
      },
    );
  } catch (e) {
    if (isAppError(e) && e.status === 400) throw badRequest(e.message);
    throw e;
  }
  const submitted: SubmittedRequest = {
    service_request_id: ticketNo,
    token,
    service_notice: `诉求已受理，工单编号 ${ticketNo}，将按规定时限转交责任单位办理。`,
    account_id: accountId,
  };
  return submitted;
}
