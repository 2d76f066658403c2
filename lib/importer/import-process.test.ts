import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeActor } from '../../test/support/users';
import { IMPORT_CRASHED, IMPORT_TIMED_OUT, runImportProcess } from './import-process';
import type { ImportOutcomeResult } from './import-work';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

const SAMPLE = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'seeds', '000_1da880c8f8a17d23.txt'));
const bytes = new Uint8Array(SAMPLE);

const parse = (body: string) => JSON.parse(body) as ImportOutcomeResult;

describe('runImportProcess (the import in a child process)', () => {
  it('previews a text and saves the confirmed draft, in the database the server uses', async () => {
    const preview = parse(await runImportProcess({ kind: 'preview', fileName: 'issue.txt', bytes }));
    if (!preview.ok || preview.stage !== 'preview') throw new Error(JSON.stringify(preview).slice(0, 300));
    expect(preview.fileName).toBe('issue.txt');
    expect(preview.draft.stories.length).toBeGreaterThan(2);
    const draft = { ...preview.draft, masthead: { ...preview.draft.masthead, number: '9029' } };
    const actor = await makeActor(db, 'EDITOR');
    const done = parse(
      await runImportProcess({
        kind: 'confirm',
        bytes: new TextEncoder().encode(JSON.stringify(draft)),
        actorId: actor.id,
        replace: false,
      }),
    );
    expect(done).toMatchObject({ ok: true, stage: 'done', number: 9029, replaced: false });
    const issue = await db.issue.findFirstOrThrow({ where: { number: 9029 }, select: { status: true } });
    expect(issue.status).toBe('PLANNING');
  }, 60_000);
  it('refuses bad input with the importer sentence and writes nothing', async () => {
    const broken = parse(
      await runImportProcess({
        kind: 'confirm',
        bytes: new TextEncoder().encode('{"masthead":'),
        actorId: 'x',
        replace: false,
      }),
    );
    expect(broken).toEqual({ ok: false, error: '导入内容已损坏，请重新上传文件' });
  }, 30_000);
  it('stops a child that runs past its time limit, saying nothing was written', async () => {
    const result = parse(await runImportProcess({ kind: 'preview', fileName: 'a.txt', bytes }, { timeLimitMs: 50 }));
    expect(result).toEqual({ ok: false, error: IMPORT_TIMED_OUT });
  }, 30_000);
  it('answers for a child that dies (out of memory)', async () => {
    const result = parse(await runImportProcess({ kind: 'preview', fileName: 'a.txt', bytes }, { memoryMb: 2 }));
    expect(result).toEqual({ ok: false, error: IMPORT_CRASHED });
  }, 30_000);
});
