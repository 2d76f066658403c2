import { describe, expect, it } from 'vitest';

import type { ArticleStatus } from '../generated/prisma/enums';
import { isArticleVisible } from '../revisions/visibility';
import { articleStateLabel, publicationLabel } from './article-label';

const now = new Date('2026-11-27T02:00:00Z');
const past = new Date('2026-11-26T22:30:00Z'); // 06:30 on the 27th in Shanghai
const future = new Date('2030-01-01T00:00:00Z'); // 08:00 Beijing time

describe('articleStateLabel', () => {
  it('calls a published story scheduled for 2030 定时 with its time, not 已发布', () => {
    expect(articleStateLabel({ status: 'PUBLISHED', publishAt: future }, now)).toBe('定时 2030-01-01 08:00');
    expect(articleStateLabel({ status: 'PUBLISHED', publishAt: future.toISOString() }, now)).toBe(
      '定时 2030-01-01 08:00',
    );
  });

  it('calls it 已发布 from its time on', () => {
    expect(articleStateLabel({ status: 'PUBLISHED', publishAt: past }, now)).toBe('已发布');
    expect(articleStateLabel({ status: 'PUBLISHED', publishAt: now }, now)).toBe('已发布');
    expect(articleStateLabel({ status: 'PUBLISHED', publishAt: future }, new Date(future.getTime() + 1))).toBe(
      '已发布',
    );
  });

  it('names the workflow step of a story nobody has published, with the level it waits for when known', () => {
    expect(articleStateLabel({ status: 'DRAFT', publishAt: null }, now)).toBe('草稿');
    expect(articleStateLabel({ status: 'SUBMITTED', publishAt: null }, now)).toBe('审核中');
    expect(articleStateLabel({ status: 'SUBMITTED', publishAt: null, reviewLevel: 1, requiredLevels: 3 }, now)).toBe(
      '审核中（待复审）',
    );
    expect(articleStateLabel({ status: 'APPROVED', publishAt: null, reviewLevel: 3, requiredLevels: 3 }, now)).toBe(
      '已签发',
    );
    expect(articleStateLabel({ status: 'RETURNED', publishAt: null }, now)).toBe('已退回');
  });

  it('says both for a live story edited since: readers keep the published text while the change is reviewed', () => {
    expect(articleStateLabel({ status: 'SUBMITTED', publishAt: past, reviewLevel: 0, requiredLevels: 3 }, now)).toBe(
      '已发布 · 修改审核中（待初审）',
    );
    expect(articleStateLabel({ status: 'APPROVED', publishAt: future }, now)).toBe(
      '定时 2030-01-01 08:00 · 修改已签发',
    );
  });

  it('calls a retracted story 已撤稿 whatever its time', () => {
    expect(articleStateLabel({ status: 'RETRACTED', publishAt: past }, now)).toBe('已撤稿');
  });

  it('says 已发布 exactly when the reader rule (lib/revisions/visibility.ts) shows the story', () => {
    const statuses: ArticleStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED', 'RETRACTED'];
    for (const status of statuses) {
      for (const publishAt of [null, past, now, future]) {
        // publishAt is set exactly while a revision is live (go-live.ts); publishing always sets it.
        if (status === 'PUBLISHED' && !publishAt) continue;
        const row = {
          status,
          publishAt,
          liveRevisionId: publishAt ? 'rev' : null,
          retractedAt: status === 'RETRACTED' ? past : null,
        };
        expect(
          articleStateLabel(row, now).startsWith('已发布'),
          `${status} ${publishAt?.toISOString() ?? 'no time'}`,
        ).toBe(isArticleVisible(row, now));
      }
    }
  });
});

describe('publicationLabel', () => {
  it('uses the newsroom date-time format, Beijing time', () => {
    expect(publicationLabel(new Date('2030-06-30T16:00:00Z'), now)).toBe('定时 2030-07-01 00:00');
    expect(publicationLabel(past, now)).toBe('已发布');
  });
});
