// The review queue filters in SQL exactly as canApprove decides for one story, with no ceiling on how
// many stories wait.
import { beforeAll, describe, expect, it } from 'vitest';

import type { Actor } from '@/lib/access/actor';
import { openTestDatabase } from '@/test/support/database';
import { makeActor } from '@/test/support/users';

import { reviewQueueFor, signableLevels } from './review-queue';
import { canApprove, clampLevels, type ArticleState } from './rules';

const db = openTestDatabase();
let people: Record<'reporter' | 'first' | 'second' | 'chief', Actor>;
let publicationId: string;
let serial = 0;
const named: Record<string, string> = {};

async function story(
  name: string,
  spec: {
    by?: Actor | null;
    credited?: Actor[];
    status?: 'SUBMITTED' | 'DRAFT';
    level?: number;
    signed?: [number, Actor, 'cleared'?][];
    deleted?: boolean;
    waitingDays?: number;
  },
) {
  serial += 1;
  const article = await db.article.create({
    data: {
      publicationId,
      slug: `queue-${serial}`,
      headline: name,
      body: '{"type":"doc","content":[]}',
      bodyText: '',
      status: spec.status ?? 'SUBMITTED',
      reviewLevel: spec.level ?? 0,
      stepSince: new Date(Date.UTC(2026, 0, 1) + (spec.waitingDays ?? serial) * 86_400_000),
      createdById: spec.by === null ? null : (spec.by ?? people.reporter).id,
      deletedAt: spec.deleted ? new Date() : null,
      authors: {
        create: [
          { position: 1, name: '记者', userId: spec.by === null ? null : (spec.by ?? people.reporter).id },
          ...(spec.credited ?? []).map((person, index) => ({
            position: index + 2,
            name: person.name,
            userId: person.id,
          })),
        ],
      },
      signoffs: {
        create: (spec.signed ?? []).map(([level, reviewer, cleared]) => ({
          level,
          reviewerId: reviewer.id,
          decision: 'APPROVE' as const,
          articleVersion: 1,
          clearedAt: cleared ? new Date() : null,
        })),
      },
    },
  });
  named[article.id] = name;
  return article.id;
}

/** What canApprove says for every story in review, one story at a time (the old in-memory filter). */
async function expectedQueue(reviewer: Actor): Promise<string[]> {
  const stories = await db.article.findMany({
    where: { status: 'SUBMITTED', deletedAt: null },
    orderBy: [{ stepSince: 'asc' }, { updatedAt: 'asc' }],
    include: { authors: true, publication: true, signoffs: { where: { clearedAt: null, decision: 'APPROVE' } } },
  });
  return stories
    .filter((s) => {
      const state: ArticleState = {
        status: 'SUBMITTED',
        reviewLevel: s.reviewLevel,
        requiredLevels: clampLevels(s.publication.reviewLevels),
        live: false,
        visible: false,
        authorIds: [s.createdById, ...s.authors.map((a) => a.userId)].filter((id): id is string => Boolean(id)),
        approvals: s.signoffs,
      };
      return canApprove(state, reviewer).ok;
    })
    .map((s) => named[s.id]!);
}

async function queueOf(reviewer: Actor, page = 1, pageSize = 50) {
  const queue = await reviewQueueFor(db, reviewer, { page, pageSize });
  return { ...queue, names: queue.rows.map((row) => row.headline) };
}

beforeAll(async () => {
  const publication = await db.publication.create({
    data: { slug: 'queue', name: '今日柯城', publisher: '编印', hotline: '1', address: '柯城', postcode: '324000' },
  });
  publicationId = publication.id;
  people = {
    reporter: await makeActor(db, 'REPORTER'),
    first: await makeActor(db, 'EDITOR'),
    second: await makeActor(db, 'EDITOR'),
    chief: await makeActor(db, 'CHIEF_EDITOR'),
  };
  const { first, second, chief } = people;
  await story('待初审', { level: 0 });
  await story('待复审·初审人是甲', { level: 1, signed: [[1, first]] });
  await story('待终审', {
    level: 2,
    signed: [
      [1, first],
      [2, second],
    ],
  });
  await story('乙写的', { by: second, level: 0 });
  await story('甲署名', { credited: [first], level: 0 });
  await story('甲的初审已作废', {
    level: 1,
    signed: [
      [1, first, 'cleared'],
      [1, second],
    ],
  });
  await story('回收站里', { level: 0, deleted: true });
  await story('草稿', { status: 'DRAFT' });
  await story('导入稿', { by: null, level: 0 });
  await story('总编初审过', { level: 1, signed: [[1, chief]] });
});

describe('review queue', () => {
  it('lists for each reviewer exactly the stories canApprove lets them sign, oldest first', async () => {
    for (const reviewer of [people.first, people.second, people.chief, people.reporter]) {
      const queue = await queueOf(reviewer);
      expect(queue.names).toEqual(await expectedQueue(reviewer));
      expect(queue.total).toBe(queue.names.length);
    }
    expect((await queueOf(people.first)).names).toEqual(['待初审', '乙写的', '甲的初审已作废', '导入稿', '总编初审过']);
    expect((await queueOf(people.second)).names).toEqual([
      '待初审',
      '待复审·初审人是甲',
      '甲署名',
      '导入稿',
      '总编初审过',
    ]);
    expect((await queueOf(people.chief)).names).toEqual([
      '待初审',
      '待复审·初审人是甲',
      '待终审',
      '乙写的',
      '甲署名',
      '甲的初审已作废',
      '导入稿',
    ]);
    expect((await queueOf(people.reporter)).total).toBe(0);
  });

  it('names the level each story waits for', async () => {
    const rows = (await queueOf(people.chief)).rows;
    expect(Object.fromEntries(rows.map((row) => [row.headline, row.level]))).toMatchObject({
      待初审: '初审',
      待复审·初审人是甲: '复审',
      待终审: '终审（签发）',
    });
  });

  it('follows the publication’s number of levels', async () => {
    await db.publication.update({ where: { id: publicationId }, data: { reviewLevels: 1 } });
    try {
      expect(signableLevels('EDITOR', 1)).toEqual([]);
      expect((await queueOf(people.first)).total).toBe(0);
      // With one level only stories waiting for level 1 are signable, by a chief editor.
      expect((await queueOf(people.chief)).names).toEqual(await expectedQueue(people.chief));
      expect((await queueOf(people.chief)).rows.every((row) => row.level === '签发')).toBe(true);
    } finally {
      await db.publication.update({ where: { id: publicationId }, data: { reviewLevels: 3 } });
    }
  });

  it('counts and pages every waiting story, past the old 500-story ceiling', async () => {
    const before = (await queueOf(people.first)).total;
    await db.article.createMany({
      data: Array.from({ length: 620 }, (_, index) => ({
        publicationId,
        slug: `bulk-${index}`,
        headline: `积压${index}`,
        body: '{"type":"doc","content":[]}',
        bodyText: '',
        status: 'SUBMITTED' as const,
        reviewLevel: 0,
        stepSince: new Date(Date.UTC(2027, 0, 1) + index * 60_000),
        createdById: people.reporter.id,
      })),
    });
    const first = await queueOf(people.first, 1, 10);
    expect(first.total).toBe(before + 620);
    expect(first.pageCount).toBe(Math.ceil((before + 620) / 10));
    const last = await queueOf(people.first, first.pageCount, 10);
    expect(last.names.at(-1)).toBe('积压619');
  });
});
