/**
 * Complainant protection (投诉人保护): the caller's identity is never disclosed to the party
 * complained about. The articles, by the profile whose regulation states the rule; profiles
 * whose regulation says nothing of it follow the zibo-12345 wording.
 */
export const complainantProtectionArticles: Record<string, string> = {
  'zibo-12345':
    '《淄博12345政务服务便民热线运行管理办法(试行)》第十七条：不得将来电人信息、举报材料和有关情况透露或者转交给被投诉人',
  'tianjin-wuqing':
    '《武清区便民服务专线管理规定实施细则》第三十条第（四）项：不得违反规定将求助群众提供的投诉材料或有关情况透露给被投诉人或单位',
  'beijing-miyun':
    '《密云县便民服务和应急抢险电话管理办法实施细则》第二十五条第（七）项：不得违反规定将来电人提供的检举材料或有关情况透露给被检举人或单位',
};

export function complainantProtectionArticle(profileId: string | undefined): string {
  return (
    (profileId ? complainantProtectionArticles[profileId] : undefined) ??
    complainantProtectionArticles['zibo-12345'] ??
    ''
  );
}

/** Order types that name a party complained about or reported (投诉, 举报). */
export const typesWithComplainedParty = ['complaint', 'report'] as const;
