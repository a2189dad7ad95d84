import { beijingMiyunScheme } from './beijing-miyun';
import { parseScheme, type Scheme, type SchemeInput } from './scheme-schema';
import { shanghai962200Scheme } from './shanghai-962200';
import { tianjinWuqingScheme } from './tianjin-wuqing';
import { zibo12345Scheme } from './zibo-12345';

export * from './scheme-schema';

const sources: readonly SchemeInput[] = [
  beijingMiyunScheme,
  zibo12345Scheme,
  shanghai962200Scheme,
  tianjinWuqingScheme,
];

/** The built-in assessment schemes, validated at load. */
export const builtInSchemes: readonly Scheme[] = sources.map((s) => parseScheme(s, `built-in:${s.id}`));
