import { describe, expect, it } from 'vitest';

import { articleInputSchema } from './schemas';

const base = {
  kicker: '',
  headline: '标题',
  subheadline: '',
  dateline: '本报讯',
  byline: '',
  summary: '',
  slug: '',
  coverMediaId: null,
  authors: [],
  body: {},
};

describe('articleInputSchema', () => {
  it('turns empty optional fields into null and trims', () => {
    const parsed = articleInputSchema.parse({ ...base, kicker: '  ', headline: ' 柯城 ' });
    expect(parsed).toMatchObject({ kicker: null, headline: '柯城', subheadline: null, dateline: '本报讯' });
  });
  it('allows a draft without headline (autosave never loses text)', () => {
    expect(articleInputSchema.safeParse({ ...base, headline: '' }).success).toBe(true);
  });
  it('explains bad fields in Chinese', () => {
    const result = articleInputSchema.safeParse({
      ...base,
      headline: '长'.repeat(101),
      slug: 'Bad Slug',
      authors: [{ userId: null, name: ' ', label: '记者' }],
    });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining(['主题不能超过 100 个字', '网址只能用小写字母、数字和连字符', '作者姓名不能为空']),
    );
  });
});
