// What the story editor sends on save (zod), with the messages it shows.
import { z } from 'zod';
import { SLUG_PATTERN } from './slug';
import { stripBidiControls } from '../text/bidi';

/** Typed text: bidi controls removed (they disguise what is shown), then trimmed. */
const typed = () => z.string().overwrite(stripBidiControls).trim();

const optionalText = (max: number, label: string) =>
  typed().max(max, `${label}不能超过 ${max} 个字`).transform((value) => (value === '' ? null : value)).nullable();

export const authorSchema = z.object({
  userId: z.string().min(1).max(64).nullable(),
  name: typed().min(1, '作者姓名不能为空').max(40, '作者姓名太长'),
  label: typed().max(30, '身份太长'),
});

export const articleInputSchema = z.object({
  kicker: optionalText(100, '引题'),
  // Drafts may be saved without a headline (autosave must never lose text); submitting needs one.
  headline: typed().max(100, '主题不能超过 100 个字'),
  subheadline: optionalText(100, '副题'),
  dateline: optionalText(40, '电头'),
  byline: optionalText(200, '署名'),
  summary: optionalText(300, '摘要'),
  slug: typed().max(80, '网址太长').refine((value) => value === '' || SLUG_PATTERN.test(value), '网址只能用小写字母、数字和连字符'),
  coverMediaId: z.string().max(64).nullable(),
  authors: z.array(authorSchema).max(20, '作者太多'),
  body: z.unknown(),
});

export type ArticleInput = z.input<typeof articleInputSchema>;
export type CleanArticleInput = z.output<typeof articleInputSchema>;
