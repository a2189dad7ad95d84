import { describe, expect, it } from 'vitest';
import type { CategoryIndex } from '../../domain/policy/category-keys';
import { builtInSchemes } from '../../domain/kpi/schemes';
import { defaultCategories, defaultCategoryMappings } from '../org/default-categories';
import { schemeCategoryCodes } from './assess-units';

const index: CategoryIndex = {
  nodes: defaultCategories().map((c) => ({ code: c.code, parentCode: c.parentCode, active: true })),
  mapping: new Map(Object.entries(defaultCategoryMappings)),
};

describe('beijing-miyun §26-§30: complaints about service numbers', () => {
  it('count every category the city maps to the key, 服务号码投诉 (110203) included', () => {
    const scheme = builtInSchemes.find((s) => s.id === 'beijing-miyun');
    if (!scheme) throw new Error('no beijing-miyun scheme');
    const codes = schemeCategoryCodes(scheme.numberComplaintCategories, index);
    expect(codes).toContain('110202');
    expect(codes).toContain('110203');
    expect(codes).not.toContain('service-number-complaint');
  });

  it('a code that is not a mapped key stays as it is', () => {
    expect(schemeCategoryCodes(['0101'], index)).toEqual(expect.arrayContaining(['0101']));
    expect(schemeCategoryCodes(['0101'], undefined)).toEqual(['0101']);
  });
});
