import { z } from 'zod';

/** The HTTP contract of API keys (open platform): created by an administrator, shown once. */

export const apiKeyScopes = ['open311', 'unit', 'cti', 'exchange'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const apiKeyScopeLabels: Record<ApiKeyScope, string> = {
  open311: '开放接口（Open311）',
  unit: '承办单位系统',
  cti: '电话系统（CTI）',
  exchange: '平台间交换',
};

export const createApiKeyBody = z
  .object({
    name: z.string().trim().min(2, '请填写密钥名称').max(100),
    scopes: z
      .array(z.enum(apiKeyScopes))
      .min(1, '请至少选择一个权限范围')
      .transform((s) => [...new Set(s)]),
    unitId: z.number().int().positive().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.scopes.includes('unit') && b.unitId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: '承办单位系统密钥须指定单位' });
    }
  });
export type CreateApiKeyBody = z.input<typeof createApiKeyBody>;

export const createdApiKey = z.object({ id: z.number(), key: z.string() });

export const apiKeyDto = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(apiKeyScopes)),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyDto = z.infer<typeof apiKeyDto>;

export const apiKeyList = z.object({ items: z.array(apiKeyDto) });
