// Saves of one story that arrive at the same moment (two instances, two browser tabs) with the same
// base version: exactly one wins, the others are told of the conflict, and the story's version and
// content are the winner's. On PostgreSQL the transactions really run side by side on the pool's
// connections (READ COMMITTED), which is where a check-then-write without a row lock lets two win.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { articleInput } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { makeActor } from '../../test/support/users';
import type { Actor } from '../access/actor';
import { ensureSearchIndex } from '../search/search-index';
import { submitArticle } from '../workflow/service';
import { createArticle, saveArticle } from './editor-service';
import type { CleanArticleInput } from './schemas';

const db = openTestDatabase();
let reporter: Actor;
let publicationId: string;
const AT_ONCE = 6;

const input = (text: string): CleanArticleInput =>
  articleInput(reporter, text, { headline: '柯城同时保存', byline: '记者 测试' });

beforeAll(async () => {
  await loadSampleIssue(db);
  await ensureSearchIndex(db);
  publicationId = (await db.publication.findFirstOrThrow()).id;
  reporter = await makeActor(db, 'REPORTER', { name: '记者丁' });
});
afterAll(() => db.$disconnect());

describe('saves of one story at the same moment', () => {
  it('let exactly one of those based on the same version win; the others get a conflict', async () => {
    const { id } = await createArticle(db, reporter, publicationId);
    const outcomes = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) => saveArticle(db, reporter, id, 1, input(`第${i}个版本的正文。`))),
    );
    const won = outcomes.flatMap((outcome, i) => (outcome.ok ? [i] : []));
    expect(won).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toHaveLength(AT_ONCE - 1);
    const stored = await db.article.findUniqueOrThrow({ where: { id } });
    expect(stored.version).toBe(2);
    expect(stored.bodyText).toBe(`第${won[0]}个版本的正文。`);
  });

  it('let one of several submissions of the same draft through, once', async () => {
    const { id } = await createArticle(db, reporter, publicationId);
    await saveArticle(db, reporter, id, 1, input('提交前的正文。'));
    const outcomes = await Promise.allSettled(Array.from({ length: AT_ONCE }, () => submitArticle(db, reporter, id)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: 'article.submit', subjectId: id } })).toBe(1);
  });
});
