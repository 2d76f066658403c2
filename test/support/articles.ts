// Stories as the database tests write them: the whole input the editor saves (one paragraph of text,
// credited to one reporter), and a story of the sample newsroom taken to a step of 三审 through the
// services (saved, submitted, signed off by 初审, 复审 and 签发).
import { expect } from 'vitest';

import { createArticle, saveArticle } from '../../lib/articles/editor-service';
import type { CleanArticleInput } from '../../lib/articles/schemas';
import { doc, paragraph } from '../../lib/content/builders';
import type { Db } from '../../lib/db-client';
import { approveArticle, submitArticle } from '../../lib/workflow/service';
import type { SampleNewsroom } from './newsroom';

/** Who a story is credited to: an account (its id) or a name without one (null). */
type Author = { id: string | null; name: string };

/** A story's whole input: 本报讯, the byline 记者 甲, `text` as its one paragraph, credited to `author` as 记者; `fields` override. */
export function articleInput(
  author: Author,
  text = '第一段。',
  fields: Partial<CleanArticleInput> = {},
): CleanArticleInput {
  return {
    kicker: null,
    headline: '柯城新建口袋公园',
    subheadline: null,
    dateline: '本报讯',
    byline: '记者 甲',
    summary: null,
    slug: '',
    coverMediaId: null,
    authors: [{ userId: author.id, name: author.name, label: '记者' }],
    body: doc(paragraph(text)),
    ...fields,
  };
}

/** A draft the newsroom's reporter created and saved once with `input`; its id. */
export async function draftArticle(db: Db, newsroom: SampleNewsroom, input: CleanArticleInput): Promise<string> {
  const { id } = await createArticle(db, newsroom.reporter, newsroom.publicationId);
  const saved = await saveArticle(db, newsroom.reporter, id, 1, input);
  expect(saved.ok).toBe(true);
  return id;
}

/** 初审, 复审 and 签发 of a submitted story, by the newsroom's two editors and its chief editor. */
export async function signOff(db: Db, newsroom: SampleNewsroom, id: string): Promise<void> {
  for (const who of [newsroom.editorA, newsroom.editorB, newsroom.chief]) await approveArticle(db, who, id);
}

/** A draft (see draftArticle) its reporter submitted for review; its id. */
export async function submittedArticle(db: Db, newsroom: SampleNewsroom, input: CleanArticleInput): Promise<string> {
  const id = await draftArticle(db, newsroom, input);
  await submitArticle(db, newsroom.reporter, id);
  return id;
}

/** A submitted story (see submittedArticle) signed off through 三审, ready to publish; its id. */
export async function signedOffArticle(db: Db, newsroom: SampleNewsroom, input: CleanArticleInput): Promise<string> {
  const id = await submittedArticle(db, newsroom, input);
  await signOff(db, newsroom, id);
  return id;
}
