/** The knowledge base's words, one copy for the server and the web. */

export const articleStatuses = ['draft', 'in-review', 'published', 'expired', 'withdrawn'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articleStatusLabels: Record<ArticleStatus, string> = {
  draft: '草稿',
  'in-review': '待审核',
  published: '已发布',
  expired: '已过期',
  withdrawn: '已撤回',
};

export const articleActions = [
  'edit',
  'submit',
  'approve',
  'reject',
  'withdraw',
  'expire',
  'reopen',
  'confirm-review',
] as const;
export type ArticleAction = (typeof articleActions)[number];

/** Actions as the version history records them (`create` and `import` beside the lifecycle). */
export const articleActionLabels: Record<ArticleAction | 'create' | 'import', string> = {
  create: '起草',
  import: '导入',
  edit: '修改',
  submit: '提交审核',
  approve: '审核通过并发布',
  reject: '退回修改',
  withdraw: '撤回',
  expire: '设为过期',
  reopen: '重新打开',
  'confirm-review': '确认复核',
};

/** Actions that need a written reason. */
export const articleActionsWithReason: readonly ArticleAction[] = ['reject', 'withdraw'];

/** Names of the fields a version changed (版本差异). */
export const articleFieldLabels: Record<string, string> = {
  title: '标题',
  body: '正文',
  categoryCode: '分类',
  keywords: '关键词',
  ownerUnitId: '所属单位',
  validFrom: '生效日期',
  validUntil: '失效日期',
  reviewBy: '复核日期',
  status: '状态',
};
