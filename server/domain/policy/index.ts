/** Policy profiles: the regulations' time limits and rules as validated data (pure). */
import { parseProfile } from './parse-profile';
import type { Profile, ProfileInput } from './profile-schema';
import { beijingMiyun } from './profiles/beijing-miyun';
import { shanghai962200 } from './profiles/shanghai-962200';
import { tianjinUrban } from './profiles/tianjin-urban';
import { tianjinWuqing } from './profiles/tianjin-wuqing';
import { zibo12345 } from './profiles/zibo-12345';

export * from './profile-schema';
export * from './select';
export * from './category-keys';
export { parseProfile, ProfileError } from './parse-profile';
export { tianjinUrbanSectorCategories } from './profiles/tianjin-urban';
export { beijingNumberComplaintCategory } from './profiles/beijing-miyun';

const sources: readonly ProfileInput[] = [
  tianjinWuqing,
  zibo12345,
  tianjinUrban,
  beijingMiyun,
  shanghai962200,
];

/** The built-in profiles, one per seed regulation, validated at load. */
export const builtInProfiles: readonly Profile[] = sources.map((p) => parseProfile(p, `built-in:${p.id}`));

const byId = new Map(builtInProfiles.map((p) => [p.id, p]));

export const builtInProfileIds: readonly string[] = builtInProfiles.map((p) => p.id);

/** A built-in profile by id; throws naming the known ids for an unknown one. */
export function getBuiltInProfile(id: string): Profile {
  const p = byId.get(id);
  if (!p) throw new Error(`unknown profile "${id}"; known profiles: ${builtInProfileIds.join(', ')}`);
  return p;
}
