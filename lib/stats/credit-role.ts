// Which 考核 column a byline credit counts in (issue 34): the label an author carries on a story
// (ArticleAuthor.label: 记者, 本报记者, 通讯员, 衢报传媒集团记者, 摄, 摄影 …). Pure. 编辑 is not a byline
// credit: the editors of a story are the people who signed it off (Signoff), counted apart.

export type CreditRole = '记者' | '通讯员' | '摄影' | '其他';

export const CREDIT_ROLES: readonly CreditRole[] = ['记者', '通讯员', '摄影', '其他'];

export function creditRoleOf(label: string): CreditRole {
  const value = label.replace(/\s+/g, '');
  if (value.includes('通讯员')) return '通讯员';
  if (/摄/.test(value)) return '摄影';
  if (value.includes('记者') || value === '') return '记者';
  return '其他';
}
