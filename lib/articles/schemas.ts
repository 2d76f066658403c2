// What the story editor sends on save (zod), with the messages it shows. Labels and limits come
// from the field list (lib/content/fields.ts).
import { z } from 'zod';

import { ARTICLE_FIELDS, type ArticleLimitedField } from '../content/fields';
import { stripBidiControls } from '../text/bidi';
import { SLUG_PATTERN } from './slug';

/** Typed text: bidi controls removed (they disguise what is shown), then trimmed. */
const typed = () => z.string().overwrite(stripBidiControls).trim();

/** A text field at most its registered length, said in its own name. */
const limitedText = (field: ArticleLimitedField) => {
  const { max, label } = ARTICLE_FIELDS[field];
  return typed().max(max, `${label}不能超过 ${max} 个字`);
};

const optionalText = (field: ArticleLimitedField) =>
  limitedText(field)
    .transform((value) => (value === '' ? null : value))
    .nullable();

export const authorSchema = z.object({
  userId: z.string().min(1).max(64).nullable(),
  name: typed().min(1, '作者姓名不能为空').max(40, '作者姓名太长'),
  label: typed().max(30, '身份太长'),
});

export const articleInputSchema = z.object({
  kicker: optionalText('kicker'),
  // Drafts may be saved without a headline (autosave must never lose text); submitting needs one.
  headline: limitedText('headline'),
  subheadline: optionalText('subheadline'),
  dateline: optionalText('dateline'),
  byline: optionalText('byline'),
  summary: optionalText('summary'),
  slug: typed()
    .max(ARTICLE_FIELDS.slug.max, `${ARTICLE_FIELDS.slug.label}太长`)
    .refine((value) => value === '' || SLUG_PATTERN.test(value), '网址只能用小写字母、数字和连字符'),
  coverMediaId: z.string().max(64).nullable(),
  authors: z.array(authorSchema).max(20, '作者太多'),
  body: z.unknown(),
});

export type ArticleInput = z.input<typeof articleInputSchema>;
export type CleanArticleInput = z.output<typeof articleInputSchema>;
