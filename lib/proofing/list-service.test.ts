import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { sampleNewsroom, type SampleNewsroom } from '../../test/support/newsroom';
import { CSV_HEADER, listsToCsv } from './csv';
import { addEntry, importLists, removeEntry } from './list-service';
import { DEFAULT_LISTS } from './lists';
import { readEntries, readLists } from './store';

const db = openTestDatabase();
let newsroom: SampleNewsroom;
beforeAll(async () => {
  newsroom = await sampleNewsroom(db);
});
afterAll(() => db.$disconnect());

describe('审校词库 stored and changed', () => {
  it('starts with the shipped lists, made once', async () => {
    await readLists(db);
    await readLists(db);
    expect(await db.proofingEntry.count()).toBe(DEFAULT_LISTS.length);
    expect(await db.proofingList.count()).toBe(5);
  });

  it('adds and removes an entry, audited, and the compiled lists follow', async () => {
    const entry = {
      kind: 'TITLE' as const,
      term: '王小明',
      suggestion: '柯城区区长',
      level: 'WARN' as const,
      source: '区政府网站',
    };
    await addEntry(db, newsroom.chief, entry);
    await expect(addEntry(db, newsroom.chief, entry)).rejects.toThrow('已在这一类词库里');
    expect((await readLists(db)).check('国务院总理王小明').map((hit) => hit.kind)).toEqual(['TITLE']);
    const row = await db.proofingEntry.findFirstOrThrow({ where: { term: '王小明' } });
    await removeEntry(db, newsroom.chief, row.id);
    expect((await readLists(db)).check('国务院总理王小明')).toEqual([]);
    expect(
      await db.auditEvent.count({ where: { action: { in: ['proofing.entry-add', 'proofing.entry-remove'] } } }),
    ).toBe(2);
  });

  it('imports a whole file in place of the lists, and a bad file changes nothing', async () => {
    const before = await readEntries(db);
    await expect(importLists(db, newsroom.chief, `${CSV_HEADER.join(',')}\n错别字,,x,警告,`)).rejects.toThrow(
      '第 2 行',
    );
    expect(await readEntries(db)).toEqual(before);
    const { count } = await importLists(db, newsroom.chief, `${CSV_HEADER.join(',')}\n错别字,按装,安装,禁止,本社\n`);
    expect(count).toBe(1);
    expect((await readLists(db)).check('按装 聋子').map((hit) => [hit.text, hit.level])).toEqual([['按装', 'BLOCK']]);
    // The export reads back to the same lists (round trip through a spreadsheet).
    await importLists(db, newsroom.chief, listsToCsv(before));
    expect(await readEntries(db)).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: 'proofing.import' } })).toBe(2);
  });

  it('refuses a file over the size limit, saying the limit', async () => {
    const huge = `${CSV_HEADER.join(',')}\n${'错别字,词,,提示,\n'.repeat(1_000_000)}`;
    await expect(importLists(db, newsroom.chief, huge)).rejects.toThrow('最多 100000 条');
  });
});
