import { useMutation } from '@tanstack/react-query';
import { ApiError, getToken, toQueryString } from './client';

type Query = Record<string, string | number | boolean | undefined | null>;

/** The file name the server chose (RFC 5987 `filename*`), else the fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (!m?.[1]) return fallback;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return fallback;
  }
}

/**
 * Downloads an Excel export (`…/export.xlsx`) with the session's token; a refusal comes back as
 * the server's Chinese error.
 */
export async function downloadXlsx(path: string, query: Query, fallbackName: string): Promise<void> {
  const token = getToken();
  const res = await fetch(`${path}${toQueryString(query)}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) {
    let message = '导出失败，请稍后重试';
    let code = 'ERROR';
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      message = body.error?.message ?? message;
      code = body.error?.code ?? code;
    } catch {
      // Not JSON: keep the generic message.
    }
    throw new ApiError(res.status, code, message);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The export as a mutation (pending while the server writes the workbook). */
export function useXlsxExport() {
  return useMutation({
    mutationFn: (v: { path: string; query: Query; fallbackName: string }) =>
      downloadXlsx(v.path, v.query, v.fallbackName),
  });
}
