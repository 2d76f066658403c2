// Chinese names of the workflow steps (rules.ts), shown wherever a status appears.
import type { ArticleStatus } from '../generated/prisma/enums';

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '审核中',
  RETURNED: '已退回',
  APPROVED: '已签发',
  PUBLISHED: '已发布',
  RETRACTED: '已撤稿',
};
