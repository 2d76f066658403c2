import { describe, expect, it } from 'vitest';

import {
  AUTOSAVE_PAUSE_MS,
  isOpenFor,
  placeEvent,
  placeSave,
  revisionEventLabel,
  type RevisionTip,
} from './revision-rules';

const now = new Date('2026-11-26T08:00:00Z');
const tip = (overrides: Partial<RevisionTip> = {}): RevisionTip => ({
  kind: 'AUTOSAVE',
  authorId: 'me',
  savedAt: new Date(now.getTime() - 60_000),
  live: false,
  signoffId: null,
  ...overrides,
});

describe('revision rules', () => {
  it('writes an autosave into the same person’s rolling revision within the pause', () => {
    expect(placeSave(tip(), 'AUTOSAVE', 'me', now)).toBe('update');
    expect(placeSave(tip({ kind: 'CREATE' }), 'AUTOSAVE', 'me', now)).toBe('update');
    expect(placeSave(tip(), 'SAVE', 'me', now)).toBe('update');
  });

  it('starts a new revision for another person, after the pause, after any event and for a restore', () => {
    expect(placeSave(tip(), 'AUTOSAVE', 'someone-else', now)).toBe('create');
    expect(placeSave(tip({ savedAt: new Date(now.getTime() - AUTOSAVE_PAUSE_MS) }), 'AUTOSAVE', 'me', now)).toBe(
      'create',
    );
    for (const kind of ['SAVE', 'RESTORE', 'SUBMIT', 'APPROVE', 'RETURN', 'PUBLISH', 'CORRECTION', 'IMPORT'] as const) {
      expect(placeSave(tip({ kind }), 'AUTOSAVE', 'me', now)).toBe('create');
    }
    expect(placeSave(tip(), 'RESTORE', 'me', now)).toBe('create');
    expect(placeSave(null, 'AUTOSAVE', 'me', now)).toBe('create');
  });

  it('never writes into what readers have or a reviewer signed, whatever its kind says', () => {
    expect(isOpenFor(tip({ live: true }), 'me', now)).toBe(false);
    expect(isOpenFor(tip({ signoffId: 'signoff' }), 'me', now)).toBe(false);
  });

  it('seals the actor’s own rolling revision at an event, otherwise keeps a row of its own', () => {
    expect(placeEvent(tip(), 'me', now)).toBe('stamp');
    expect(placeEvent(tip(), 'reviewer', now)).toBe('create');
    expect(placeEvent(tip({ kind: 'SUBMIT' }), 'me', now)).toBe('create');
    expect(placeEvent(null, 'me', now)).toBe('create');
  });

  it('names each event in Chinese, sign-offs by their level', () => {
    expect(revisionEventLabel('AUTOSAVE', null)).toBe('自动保存');
    expect(revisionEventLabel('SUBMIT', null)).toBe('提交审核');
    expect(revisionEventLabel('APPROVE', '初审')).toBe('初审通过');
    expect(revisionEventLabel('RETURN', '复审')).toBe('复审退回');
    expect(revisionEventLabel('PUBLISH', null)).toBe('发布');
  });
});
