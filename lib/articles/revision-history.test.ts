// Coalesced revision history against a real database: which saves share a revision, which
// events keep one, and that nothing signed or published is ever written over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articleInput } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom } from '../../test/support/newsroom';
import type { Actor } from '../access/actor';
import { approveArticle, correctArticle, publishArticle, returnArticle, submitArticle } from '../workflow/service';
import { createArticle, restoreRevision, saveArticle } from './editor-service';
import type { CleanArticleInput } from './schemas';

const db = openTestDatabase();
let reporter: Actor;
let editorA: Actor;
let editorB: Actor;
let chief: Actor;
let publicationId: string;
const MINUTE = 60_000;

const input = (text: string, headline = '柯城修订历史测试'): CleanArticleInput =>
  articleInput(reporter, text, { headline });

/** A story with a clock: `save` autosaves `text` as `who` at `minutes` after the story was made. */
async function story() {
  const { id } = await createArticle(db, reporter, publicationId);
  const start = Date.now();
  const at = (minutes: number) => new Date(start + minutes * MINUTE);
  const save = async (who: Actor, text: string, minutes: number, kind: 'AUTOSAVE' | 'SAVE' = 'AUTOSAVE') => {
    const { version } = await db.article.findUniqueOrThrow({ where: { id } });
    const outcome = await saveArticle(db, who, id, version, input(text), at(minutes), kind);
    expect(outcome.ok).toBe(true);
  };
  const revisions = () => db.revision.findMany({ where: { articleId: id }, orderBy: { version: 'asc' } });
  const kinds = async () => (await revisions()).map((revision) => `${revision.kind}:${revision.bodyText}`);
  return { id, at, save, revisions, kinds };
}

beforeAll(async () => {
  ({ publicationId, reporter, editorA, editorB, chief } = await sampleNewsroom(db));
});
afterAll(() => db.$disconnect());

describe('coalesced autosaves', () => {
  it('writes one person’s autosaves into one revision until they pause for five minutes', async () => {
    const s = await story();
    await s.save(reporter, '一', 0);
    await s.save(reporter, '一二', 1);
    await s.save(reporter, '一二三', 4.9);
    await s.save(reporter, '一二三四', 10);
    const kept = await s.revisions();
    expect(kept.map((revision) => [revision.kind, revision.bodyText, revision.saves])).toEqual([
      ['AUTOSAVE', '一二三', 4],
      ['AUTOSAVE', '一二三四', 1],
    ]);
    expect(kept[0]!.savedAt).toEqual(s.at(4.9));
  });

  it('starts a new revision when another person saves, and again when the first comes back', async () => {
    const s = await story();
    await s.save(reporter, '记者写的', 0);
    await s.save(editorA, '编辑改的', 1);
    await s.save(editorA, '编辑又改的', 2);
    await s.save(reporter, '记者再改的', 3);
    const kept = await s.revisions();
    expect(kept.map((revision) => [revision.authorId, revision.bodyText])).toEqual([
      [reporter.id, '记者写的'],
      [editorA.id, '编辑又改的'],
      [reporter.id, '记者再改的'],
    ]);
  });

  it('closes the rolling revision at a manual save, with or without a change', async () => {
    const s = await story();
    await s.save(reporter, '草稿', 0);
    await s.save(reporter, '草稿定稿', 1, 'SAVE');
    await s.save(reporter, '草稿定稿后再改', 2);
    await s.save(reporter, '草稿定稿后再改', 3, 'SAVE');
    await s.save(reporter, '之后的改动', 4);
    expect(await s.kinds()).toEqual(['SAVE:草稿定稿', 'SAVE:草稿定稿后再改', 'AUTOSAVE:之后的改动']);
  });
});

describe('events keep revisions', () => {
  it('keeps what was submitted, what each level signed and what was published, and never writes into them', async () => {
    const s = await story();
    await s.save(reporter, '初稿', 0);
    await submitArticle(db, reporter, s.id, s.at(1));
    await approveArticle(db, editorA, s.id, '', s.at(2));
    await approveArticle(db, editorB, s.id, '', s.at(3));
    await approveArticle(db, chief, s.id, '', s.at(4));
    await publishArticle(db, chief, s.id, null, s.at(5));
    // The publisher edits a minute later: a new revision, the live one stays as readers have it.
    await s.save(chief, '发布后总编改过', 6);
    const kept = await s.revisions();
    expect(kept.map((revision) => `${revision.kind}:${revision.bodyText}`)).toEqual([
      'SUBMIT:初稿',
      'APPROVE:初稿',
      'APPROVE:初稿',
      'APPROVE:初稿',
      'PUBLISH:初稿',
      'AUTOSAVE:发布后总编改过',
    ]);
    const signoffs = await db.signoff.findMany({ where: { articleId: s.id }, include: { revision: true } });
    expect(signoffs.map((signoff) => [signoff.level, signoff.revision?.bodyText, signoff.revision?.authorId])).toEqual(
      expect.arrayContaining([
        [1, '初稿', editorA.id],
        [2, '初稿', editorB.id],
        [3, '初稿', chief.id],
      ]),
    );
    const article = await db.article.findUniqueOrThrow({ where: { id: s.id }, include: { liveRevision: true } });
    expect(article.liveRevision).toMatchObject({ kind: 'PUBLISH', bodyText: '初稿' });
  });

  it('still voids later sign-offs at every change, and keeps the signed text apart from the changes', async () => {
    const s = await story();
    await s.save(reporter, '送审稿', 0);
    await submitArticle(db, reporter, s.id, s.at(1));
    await approveArticle(db, editorA, s.id, '', s.at(2));
    await approveArticle(db, editorB, s.id, '', s.at(3));
    // 复审 editor changes the text twice within a minute: one revision, and 复审 is voided at once.
    await s.save(editorB, '复审改过一处', 3.5);
    expect(await db.signoff.count({ where: { articleId: s.id, clearedAt: null } })).toBe(1);
    await s.save(editorB, '复审改过两处', 3.7);
    await approveArticle(db, editorB, s.id, '', s.at(4));
    await s.save(editorB, '复审签字后又改', 4.5);
    const after = await db.article.findUniqueOrThrow({
      where: { id: s.id },
      include: { signoffs: { where: { clearedAt: null } } },
    });
    expect(after).toMatchObject({ status: 'SUBMITTED', reviewLevel: 1 });
    expect(after.signoffs.map((signoff) => signoff.level)).toEqual([1]);
    // Their typing and their new sign-off are one entry: the sign-off names exactly the text signed.
    expect(await s.kinds()).toEqual([
      'SUBMIT:送审稿',
      'APPROVE:送审稿',
      'APPROVE:送审稿',
      'APPROVE:复审改过两处',
      'AUTOSAVE:复审签字后又改',
    ]);
    const resigned = await db.signoff.findFirstOrThrow({
      where: { articleId: s.id, level: 2 },
      orderBy: { createdAt: 'desc' },
      include: { revision: true },
    });
    expect(resigned.revision).toMatchObject({ bodyText: '复审改过两处', saves: 2 });
  });

  it('seals the submitter’s own rolling revision in place, and keeps returns and corrections', async () => {
    const s = await story();
    await s.save(reporter, '写完了', 0);
    await submitArticle(db, reporter, s.id, s.at(0.5));
    await returnArticle(db, editorA, s.id, '导语太长', s.at(1));
    await s.save(reporter, '改短了', 2);
    await submitArticle(db, reporter, s.id, s.at(3));
    await approveArticle(db, editorA, s.id, '', s.at(4));
    await approveArticle(db, editorB, s.id, '', s.at(5));
    await approveArticle(db, chief, s.id, '', s.at(6));
    await publishArticle(db, chief, s.id, null, s.at(7));
    await correctArticle(db, chief, s.id, '原文日期有误', s.at(8));
    expect(await s.kinds()).toEqual([
      'SUBMIT:写完了',
      'RETURN:写完了',
      'SUBMIT:改短了',
      'APPROVE:改短了',
      'APPROVE:改短了',
      'APPROVE:改短了',
      'PUBLISH:改短了',
      'CORRECTION:改短了',
    ]);
  });
});

describe('restoring', () => {
  it('restores a kept revision as a revision of its own, and refuses one that does not exist', async () => {
    const s = await story();
    await s.save(reporter, '旧的说法', 0);
    await s.save(reporter, '新的说法', 10);
    const [old] = await s.revisions();
    const { version } = await db.article.findUniqueOrThrow({ where: { id: s.id } });
    await restoreRevision(db, reporter, s.id, old!.id, version, s.at(10.5));
    await s.save(reporter, '恢复后接着写', 11);
    expect(await s.kinds()).toEqual([
      'AUTOSAVE:旧的说法',
      'AUTOSAVE:新的说法',
      'RESTORE:旧的说法',
      'AUTOSAVE:恢复后接着写',
    ]);
    const now = await db.article.findUniqueOrThrow({ where: { id: s.id } });
    await expect(restoreRevision(db, reporter, s.id, 'merged-away-revision', now.version)).rejects.toThrow(
      '找不到这个历史版本',
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: s.id } })).version).toBe(now.version);
  });
});
