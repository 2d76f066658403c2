import { describe, expect, it } from 'vitest';

import { articleStateLabel } from '../workflow/article-label';
import { issueStateLabel, issueStateOf } from './issue-state';

const now = new Date('2026-11-27T02:00:00Z');
const future = new Date('2030-01-01T00:00:00Z');
const past = new Date('2020-08-16T22:00:00Z');

describe('issue state', () => {
  it('is planning until published, scheduled before its time, published from it', () => {
    expect(issueStateOf({ status: 'PLANNING', publishAt: null }, now)).toBe('planning');
    expect(issueStateOf({ status: 'PUBLISHED', publishAt: future }, now)).toBe('scheduled');
    expect(issueStateOf({ status: 'PUBLISHED', publishAt: past.toISOString() }, now)).toBe('published');
    expect(issueStateOf({ status: 'PUBLISHED', publishAt: now }, now)).toBe('published');
  });

  it('is labelled in the same words as the stories it carries', () => {
    expect(issueStateLabel({ status: 'PLANNING', publishAt: null }, now)).toBe('筹备中');
    expect(issueStateLabel({ status: 'PUBLISHED', publishAt: future }, now)).toBe('定时 2030-01-01 08:00');
    expect(issueStateLabel({ status: 'PUBLISHED', publishAt: past }, now)).toBe('已发布');
    for (const publishAt of [future, past]) {
      expect(issueStateLabel({ status: 'PUBLISHED', publishAt }, now)).toBe(
        articleStateLabel({ status: 'PUBLISHED', publishAt }, now),
      );
    }
  });
});
