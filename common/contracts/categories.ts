/** One category of the editable tree (问题分类), as the administration tab and the server read it. */
export interface CategoryRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  sort: number;
  active: boolean;
}

/** A category with its subtree (GET /api/admin/categories). */
export interface CategoryNode extends CategoryRow {
  children: CategoryNode[];
}
