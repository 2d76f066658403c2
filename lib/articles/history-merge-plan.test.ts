import { describe, expect, it } from 'vitest';

import { planMerge, type OldRevision } from './history-merge-plan';

const start = Date.parse('2026-11-20T01:00:00Z');
const rev = (version: number, authorId: string | null, minute: number, contentKey = `v${version}`): OldRevision => ({
  id: `r${version}`,
  version,
  authorId,
  createdAt: new Date(start + minute * 60_000),
  contentKey,
});

describe('planMerge', () => {
  it('keeps an imported story published as it came as an import', () => {
    expect(planMerge([rev(1, null, 0)], 'r1', [])).toEqual({
      keep: [{ id: 'r1', kind: 'IMPORT', signoffId: null, saves: 1, createdAt: new Date(start) }],
      remove: [],
    });
  });

  it('never removes a signed revision, nor merges later saves into it', () => {
    const revisions = [rev(1, 'a', 0), rev(2, 'a', 1), rev(3, 'a', 2), rev(4, 'a', 3)];
    const plan = planMerge(revisions, null, [
      { id: 's1', articleVersion: 2, decision: 'APPROVE', createdAt: new Date(start + 90_000) },
    ]);
    expect(plan.remove).toEqual(['r1', 'r3']);
    expect(plan.keep.map((kept) => [kept.id, kept.kind, kept.signoffId, kept.saves])).toEqual([
      ['r2', 'APPROVE', 's1', 2],
      ['r4', 'AUTOSAVE', null, 2],
    ]);
  });

  it('keeps a text put back as a restore, apart from the saves around it', () => {
    const revisions = [rev(1, 'a', 0, 'x'), rev(2, 'a', 10, 'y'), rev(3, 'a', 11, 'x'), rev(4, 'a', 12, 'z')];
    expect(planMerge(revisions, null, []).keep.map((kept) => [kept.id, kept.kind])).toEqual([
      ['r1', 'CREATE'],
      ['r2', 'AUTOSAVE'],
      ['r3', 'RESTORE'],
      ['r4', 'AUTOSAVE'],
    ]);
  });
});
