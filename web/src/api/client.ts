/**
 * The one HTTP client of the web app: bearer token from localStorage, JSON in and out, and
 * the server's error body `{ error: { code, message, details } }` turned into an ApiError whose
 * message is the server's Chinese text.
 */
import type { z } from 'zod';

const TOKEN_KEY = 'civicline.token';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function getToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

let unauthorizedHandler: (() => void) | null = null;

/** Called when a request comes back 401 UNAUTHENTICATED with a token (session expired or revoked). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export function parseErrorBody(status: number, data: unknown): ApiError {
  if (data && typeof data === 'object' && 'error' in data) {
    const e = (data as { error: { code?: unknown; message?: unknown; details?: unknown } }).error;
    const message = typeof e.message === 'string' && e.message ? e.message : fallbackMessage(status);
    return new ApiError(status, typeof e.code === 'string' ? e.code : 'ERROR', message, e.details);
  }
  return new ApiError(status, 'ERROR', fallbackMessage(status));
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '当前账号无权执行此操作';
  if (status === 404) return '请求的资源不存在';
  if (status >= 500) return '服务器暂时无法处理请求，请稍后重试';
  return `请求失败（${status}）`;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`${path}${toQueryString(opts.query)}`, {
      method: opts.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text) as unknown;
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = parseErrorBody(res.status, data);
    // Only a missing or expired session signs the user out (a wrong password is 401 too).
    if (res.status === 401 && token && err.code === 'UNAUTHENTICATED') {
      setToken(null);
      unauthorizedHandler?.();
    }
    throw err;
  }
  return data as T;
}

/**
 * A request whose answer is parsed with its response contract (common/contracts): a server that
 * answers another shape fails here, loudly, instead of deep inside a page.
 */
export async function apiParsed<S extends z.ZodType>(
  schema: S,
  path: string,
  opts: RequestOptions = {},
): Promise<z.output<S>> {
  const data = await api<unknown>(path, opts);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(
      200,
      'CONTRACT',
      '服务器返回的数据格式不符合约定，请刷新页面或联系管理员',
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/** A Chinese message for any thrown value (for message.error / Alert). */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && /[\u4e00-\u9fff]/.test(e.message)) return e.message;
  return '操作失败，请稍后重试';
}

/** The file name a download names in Content-Disposition (the UTF-8 `filename*` first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** A POST answered by a file (reports): the bytes and the file name the server gave. */
export async function apiDownload(
  path: string,
  body: unknown,
  fallbackName: string,
): Promise<{ blob: Blob; fileName: string }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    let data: unknown = null;
    try {
      data = (await res.json()) as unknown;
    } catch {
      data = null;
    }
    const err = parseErrorBody(res.status, data);
    if (res.status === 401 && token && err.code === 'UNAUTHENTICATED') {
      setToken(null);
      unauthorizedHandler?.();
    }
    throw err;
  }
  return {
    blob: await res.blob(),
    fileName: fileNameOf(res.headers.get('Content-Disposition'), fallbackName),
  };
}
