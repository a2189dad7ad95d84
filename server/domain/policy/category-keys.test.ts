import { describe, expect, it } from 'vitest';
import { getBuiltInProfile } from './index';
import {
  categoryRefs,
  resolveCategoryRef,
  resolveProfileCategories,
  unresolvedCategoryRefs,
  type CategoryIndex,
} from './category-keys';
import { matches, selectExtensionTerms, selectLimit } from './select';

const nodes = [
  { code: '07', parentCode: null, active: true },
  { code: '0704', parentCode: '07', active: true },
  { code: '070401', parentCode: '0704', active: true },
  { code: '070402', parentCode: '0704', active: false },
  { code: '11', parentCode: null, active: true },
  { code: '1102', parentCode: '11', active: true },
  { code: '110202', parentCode: '1102', active: true },
];
const index = (mapping: Readonly<Record<string, readonly string[]>>): CategoryIndex => ({
  nodes,
  mapping: new Map(Object.entries(mapping)),
});

describe('category references of the built-in profiles', () => {
  it('tianjin-urban §8(1), §10 names heating, gas and road-bridge in its receive and handle cases', () => {
    const refs = categoryRefs(getBuiltInProfile('tianjin-urban')).map((r) => `${r.path}:${r.ref}`);
    expect(refs).toEqual([
      'limits.receive.cases[0]:heating',
      'limits.receive.cases[0]:gas',
      'limits.receive.cases[0]:road-bridge',
      'limits.handle.cases[0]:heating',
      'limits.handle.cases[0]:gas',
      'limits.handle.cases[0]:road-bridge',
    ]);
  });

  it('beijing-miyun §27, §28, §30 name the service-number-complaint key', () => {
    const refs = categoryRefs(getBuiltInProfile('beijing-miyun')).map(
      (r) => `${r.path}:${r.ref}:${r.article}`,
    );
    expect(refs).toEqual([
      'limits.handle.cases[0]:service-number-complaint:beijing-miyun §27',
      'extension.cases[0]:service-number-complaint:beijing-miyun §28',
      'unitWarnings.overdueComplaint:service-number-complaint:beijing-miyun §30',
    ]);
  });
});

describe('resolveCategoryRef', () => {
  it.each([
    [
      'mapped key → codes and sub-categories (disabled ones too)',
      'heating',
      { heating: ['0704'] },
      ['0704', '070401', '070402'],
      null,
    ],
    ['key mapped to nothing', 'heating', { heating: [] }, [], 'unmapped-key'],
    ['key without mapping', 'gas', {}, [], 'unmapped-key'],
    ['literal code of the tree', '1102', {}, ['1102', '110202'], null],
    ['literal code not in the tree', '0799', {}, [], 'unknown-code'],
  ] as const)('%s', (_name, ref, mapping, codes, problem) => {
    const r = resolveCategoryRef(index(mapping), ref);
    expect(r.codes).toEqual(codes);
    expect(r.problem).toBe(problem);
  });
});

describe('resolveProfileCategories', () => {
  const traits = (category: string) => ({
    type: 'help' as const,
    urgency: 'normal' as const,
    level: 'city' as const,
    category,
  });

  it('tianjin-urban §8(1), §10: a heating order reaches the sector rule only once heating is mapped', () => {
    const raw = getBuiltInProfile('tianjin-urban');
    expect(selectLimit(raw.limits.handle, traits('070401'))?.article).toBe('tianjin-urban §8(5) (普通件)');
    const p = resolveProfileCategories(raw, index({ heating: ['0704'] }));
    expect(selectLimit(p.limits.handle, traits('070401'))?.article).toBe('tianjin-urban §8(1), §10');
    expect(selectLimit(p.limits.handle, traits('110202'))?.article).toBe('tianjin-urban §8(5) (普通件)');
    expect(unresolvedCategoryRefs(raw, index({ heating: ['0704'] })).map((r) => r.ref)).toEqual([
      'gas',
      'road-bridge',
      'gas',
      'road-bridge',
    ]);
  });

  it('beijing-miyun §28: the extension request lead of 2 working days applies to a mapped code', () => {
    const p = resolveProfileCategories(
      getBuiltInProfile('beijing-miyun'),
      index({ 'service-number-complaint': ['110202'] }),
    );
    expect(selectExtensionTerms(p.extension, traits('110202'))?.requestLeadWd).toBe(2);
    expect(selectExtensionTerms(p.extension, traits('070401'))?.requestLeadWd).toBe(0);
  });

  it('keeps literal keys matching (profiles tested with keys as categories)', () => {
    const p = resolveProfileCategories(getBuiltInProfile('tianjin-urban'), index({}));
    const when = p.limits.handle.cases[0]?.when;
    expect(when && matches(when, traits('heating'))).toBe(true);
    expect(when && matches(when, traits('070401'))).toBe(false);
  });
});
