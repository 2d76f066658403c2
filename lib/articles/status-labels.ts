export const ARTICLE_STATUS_LABELS: Record<string, string> = {
  DRAFT: '草稿',
  SUBMITTED: '待审',
  RETURNED: '退回修改',
  APPROVED: '已签发',
  PUBLISHED: '已发布',
  RETRACTED: '已撤稿',
};
