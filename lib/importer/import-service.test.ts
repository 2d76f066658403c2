import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { openTestDatabase } from '../../test/support/database';
import { searchNewsroom, searchPublished } from '../search/search';
import { saveImportedIssue } from './import-service';
import { parseIssue } from './parse-issue';

const db = openTestDatabase();
afterAll(() => db.$disconnect());
const fixture = (name: string) =>
  parseIssue(fs.readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures/imports', name), 'utf8')).issue;
const seed = parseIssue(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/000_1da880c8f8a17d23.txt'), 'utf8'),
).issue;

describe('saveImportedIssue', () => {
  it('creates a PLANNING issue of draft stories, findable in the newsroom but not by readers', async () => {
    await loadSampleIssue(db);
    const outcome = await saveImportedIssue(db, fixture('issue-1732.txt'), { actorId: null, replace: false });
    expect(outcome).toMatchObject({ ok: true, number: 1732, stories: 3, replaced: false });
    const issue = await db.issue.findFirstOrThrow({ where: { number: 1732 }, include: { pages: true } });
    expect(issue).toMatchObject({ status: 'PLANNING', publishAt: null, pageCount: 8 });
    expect(
      await db.article.count({
        where: { placements: { some: { page: { issueId: issue.id } } }, status: 'DRAFT', liveRevisionId: null },
      }),
    ).toBe(3);
    expect((await searchNewsroom(db, { q: '府山街道' })).total).toBe(1);
    expect((await searchPublished(db, { q: '府山街道' })).total).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'issue.import', subjectId: issue.id } })).toBe(1);
  });

  it('stops on a number already in use unless asked to replace the draft', async () => {
    const again = await saveImportedIssue(db, fixture('issue-1732.txt'), { actorId: null, replace: false });
    expect(again).toEqual({ ok: false, error: '第1732期已有草稿。要用这个文件替换它吗？', conflict: 'draft-exists' });
    expect(await db.issue.count({ where: { number: 1732 } })).toBe(1);

    const replaced = await saveImportedIssue(db, fixture('issue-1732.txt'), { actorId: null, replace: true });
    expect(replaced).toMatchObject({ ok: true, replaced: true, stories: 3 });
    expect(await db.article.count({ where: { headline: '府山街道：积分兑换激发居民热情' } })).toBe(1);
    expect((await searchNewsroom(db, { q: '府山街道' })).total).toBe(1);
  });

  it('never replaces a published issue', async () => {
    const outcome = await saveImportedIssue(db, seed, { actorId: null, replace: true });
    expect(outcome).toMatchObject({ ok: false, conflict: 'published' });
    expect(await db.article.count({ where: { headline: '柯城夺下“大禹鼎”' } })).toBe(1);
  });
});
