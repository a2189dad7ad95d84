import { useQuery } from '@tanstack/react-query';
import type {
  DirectoryEntryDto,
  EnterpriseDto,
  EnterpriseStatus,
  EnterpriseSummaryDto,
} from '../../../common/contracts/enterprises';
import { api, getToken } from './client';

/** Franchise enterprises (加盟企业): the public directory and application, the center's registry. */
export interface ServiceCategory {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
}

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (status: EnterpriseStatus | 'all', q: string) => ['enterprises', 'list', status, q] as const,
  detail: (id: number) => ['enterprises', 'detail', id] as const,
  directory: (service: string, near: string) => ['enterprises', 'directory', service, near] as const,
  services: ['enterprises', 'services'] as const,
};

export function useServiceCategories() {
  return useQuery({
    queryKey: enterpriseKeys.services,
    queryFn: ({ signal }) =>
      api<{ items: ServiceCategory[] }>('/api/public/enterprises/services', { signal }),
    staleTime: 300_000,
  });
}

export function useDirectory(service: string, near: string) {
  return useQuery({
    queryKey: enterpriseKeys.directory(service, near),
    queryFn: ({ signal }) =>
      api<{ items: DirectoryEntryDto[] }>('/api/public/enterprises', {
        signal,
        query: { service, near, limit: 100 },
      }),
  });
}

export function useEnterprises(status: EnterpriseStatus | 'all', q: string) {
  return useQuery({
    queryKey: enterpriseKeys.list(status, q),
    queryFn: ({ signal }) =>
      api<{ items: EnterpriseSummaryDto[] }>('/api/enterprises', { signal, query: { status, q } }),
  });
}

export function useEnterprise(id: number | null) {
  return useQuery({
    queryKey: enterpriseKeys.detail(id ?? 0),
    queryFn: ({ signal }) => api<EnterpriseDto>(`/api/enterprises/${id ?? 0}`, { signal }),
    enabled: id !== null,
  });
}

/** Category tree for a TreeSelect: `{ value, title, children }`. */
export interface ServiceTreeNode {
  value: string;
  title: string;
  children: ServiceTreeNode[];
}

export function serviceTree(items: readonly ServiceCategory[]): ServiceTreeNode[] {
  const nodes = new Map<string, ServiceTreeNode>();
  const roots: ServiceTreeNode[] = [];
  for (const c of items) nodes.set(c.code, { value: c.code, title: c.name, children: [] });
  for (const c of items) {
    const node = nodes.get(c.code);
    const parent = c.parentCode ? nodes.get(c.parentCode) : undefined;
    if (!node) continue;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Reads a file as base64 (without the data: URL prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('无法读取文件'));
    reader.readAsDataURL(file);
  });
}

/** Opens the business licence in a new tab (the file needs the session's bearer token). */
export async function openLicence(id: number): Promise<void> {
  const token = getToken();
  const res = await fetch(`/api/enterprises/${id}/licence`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new Error('营业执照文件无法打开');
  const url = URL.createObjectURL(await res.blob());
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
