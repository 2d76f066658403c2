import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articleInput, submittedArticle } from '../../test/support/articles';
import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import { approveArticle } from '../workflow/service';
import { signoffGate } from './gate';
import { ignoreHit } from './ignore';

describe('the 签发 gate (pure)', () => {
  const base = { final: true, blocking: 1, override: '', role: 'CHIEF_EDITOR' as const };
  it('lets earlier levels and clean copy through', () => {
    expect(signoffGate({ ...base, final: false })).toEqual({ ok: true, override: null });
    expect(signoffGate({ ...base, blocking: 0, override: '理由' })).toEqual({ ok: true, override: null });
  });
  it('refuses 签发 over a 禁止 hit without a reason, and from anyone but the chief editor', () => {
    expect(signoffGate(base)).toMatchObject({ ok: false, error: expect.stringContaining('1 处“禁止”级') });
    expect(signoffGate({ ...base, override: '   ' }).ok).toBe(false);
    expect(signoffGate({ ...base, role: 'EDITOR', override: '引用原文' })).toMatchObject({ ok: false });
  });
  it('keeps the chief editor’s reason', () => {
    expect(signoffGate({ ...base, override: ' 引用史料原文 ' })).toEqual({ ok: true, override: '引用史料原文' });
  });
});

describe('the gate and 忽略 through the services', () => {
  const db = openTestDatabase();
  let newsroom: SampleNewsroom;
  beforeAll(async () => {
    newsroom = await sampleNewsroom(db);
  });
  afterAll(() => db.$disconnect());

  const story = (text: string) => submittedArticle(db, newsroom, articleInput(newsroom.reporter, text));
  const signoffs = (id: string) =>
    db.signoff.findMany({
      where: { articleId: id },
      orderBy: { level: 'asc' },
      select: { level: true, proofingOverride: true },
    });

  it('refuses 签发 while a 禁止 hit is open, then records the chief editor’s override', async () => {
    const id = await story('台湾政府昨日宣布一项措施。');
    await approveArticle(db, newsroom.editorA, id);
    await approveArticle(db, newsroom.editorB, id);
    await expect(approveArticle(db, newsroom.chief, id)).rejects.toThrow('不能签发');
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'SUBMITTED',
      reviewLevel: 2,
    });
    await approveArticle(db, newsroom.chief, id, '', new Date(), '原文引述，已核');
    expect(await signoffs(id)).toEqual([
      { level: 1, proofingOverride: null },
      { level: 2, proofingOverride: null },
      { level: 3, proofingOverride: '原文引述，已核' },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: id, action: 'article.approve' },
      orderBy: { createdAt: 'desc' },
    });
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({
      proofingOverride: '原文引述，已核',
      proofing: { BLOCK: 1 },
    });
  });

  it('signs clean copy and 警告 hits without a reason', async () => {
    const id = await story('师傅上门按装空调。');
    for (const who of [newsroom.editorA, newsroom.editorB, newsroom.chief]) await approveArticle(db, who, id);
    expect((await signoffs(id)).map((row) => row.proofingOverride)).toEqual([null, null, null]);
  });

  it('忽略 needs a reason, is recorded, and never applies to a 禁止 hit', async () => {
    const id = await story('他是聋子。');
    await expect(ignoreHit(db, newsroom.reporter, id, 'TERM:聋子', ' ')).rejects.toThrow('理由');
    await expect(ignoreHit(db, newsroom.reporter, id, 'SENSITIVE:台湾政府', '引语')).rejects.toThrow('不能忽略');
    await expect(ignoreHit(db, newsroom.reporter, id, 'TYPO:没有这条', '理由')).rejects.toThrow('词库');
    expect(await db.proofingIgnore.count({ where: { articleId: id } })).toBe(0);
    await ignoreHit(db, newsroom.reporter, id, 'TERM:聋子', '人物自述');
    expect(await db.proofingIgnore.findFirst({ where: { articleId: id } })).toMatchObject({
      key: 'TERM:聋子',
      reason: '人物自述',
    });
    expect(await db.auditEvent.count({ where: { subjectId: id, action: 'article.proofing-ignore' } })).toBe(1);
  });
});
