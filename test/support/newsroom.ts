// The newsroom most service tests start from: the sample issue (and its publication) and one person
// per step of 三审: a reporter, an editor for 初审, another for 复审, and the chief editor who signs off.
import type { Actor } from '../../lib/access/actor';
import type { Db } from '../../lib/db-client';
import { loadSampleIssue } from '../../seeds/load-sample';
import { makeActor } from './users';

export type SampleNewsroom = { publicationId: string; reporter: Actor; editorA: Actor; editorB: Actor; chief: Actor };

export async function sampleNewsroom(db: Db): Promise<SampleNewsroom> {
  await loadSampleIssue(db);
  const publicationId = (await db.publication.findFirstOrThrow()).id;
  return {
    publicationId,
    reporter: await makeActor(db, 'REPORTER', { name: '记者甲' }),
    editorA: await makeActor(db, 'EDITOR', { name: '编辑乙' }),
    editorB: await makeActor(db, 'EDITOR', { name: '编辑丙' }),
    chief: await makeActor(db, 'CHIEF_EDITOR', { name: '总编丁' }),
  };
}
