import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useCategories } from '../api/queries';
import type { Category } from '../api/types';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

export function categoryOptions(list: Category[]): Option[] {
  const byParent = new Map<string | null, Category[]>();
  for (const c of list) {
    const arr = byParent.get(c.parentCode) ?? [];
    arr.push(c);
    byParent.set(c.parentCode, arr);
  }
  const build = (parent: string | null): Option[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
      .map((c) => {
        const children = build(c.code);
        return { value: c.code, label: c.name, ...(children.length ? { children } : {}) };
      });
  return build(null);
}

/** The codes from the root to `code` (codes are two digits per level). */
export function categoryPath(code: string | undefined | null): string[] {
  if (!code) return [];
  const out: string[] = [];
  for (let i = 2; i <= code.length; i += 2) out.push(code.slice(0, i));
  return out;
}

/**
 * The 3-level problem category, searchable by any level's name. The value is the chosen code
 * (any level when `anyLevel`, else a leaf).
 */
export function CategoryCascader(props: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  anyLevel?: boolean;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}) {
  const categories = useCategories();
  const options = useMemo(() => categoryOptions(categories.data ?? []), [categories.data]);
  return (
    <Cascader
      id={props.id}
      options={options}
      value={categoryPath(props.value)}
      onChange={(path: string[] | undefined) =>
        props.onChange?.(path && path.length ? path[path.length - 1] : undefined)
      }
      changeOnSelect={props.anyLevel}
      showSearch={{
        filter: (input, path) => path.some((o) => String(o.label).includes(input.trim())),
        limit: 50,
      }}
      placeholder={props.placeholder ?? '问题分类（可输入检索）'}
      loading={categories.isLoading}
      allowClear
      style={props.style ?? { width: '100%' }}
      expandTrigger="hover"
    />
  );
}
