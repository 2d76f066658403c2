// The 新建一期 proposal: the number after the highest, the date after the latest (they may be
// different issues once an old issue with a high number has been imported).
import { describe, expect, it, vi } from 'vitest';

import type { SessionClaims } from '@/lib/auth/session-claims';
import { openTestDatabase } from '@/test/support/database';
import { signedInClaims } from '@/test/support/sessions';
import { makeUser } from '@/test/support/users';

import { newIssueProposal } from './queries';

const identity: { claims: SessionClaims | null } = { claims: null };
vi.mock('@/lib/auth/session-claims', () => ({ readSessionClaims: async () => identity.claims }));

const db = openTestDatabase();

describe('newIssueProposal', () => {
  it('numbers after the highest issue and dates after the latest one, on a publishing day', async () => {
    const editor = await makeUser(db, 'EDITOR');
    identity.claims = await signedInClaims(db, editor.id);
    const publication = await db.publication.create({
      data: {
        slug: 'p',
        name: '今日柯城',
        publisher: 'x',
        hotline: '1',
        address: 'a',
        postcode: '1',
        publishDays: '1',
      },
    });
    // Planned ahead: 第120期 on Monday 2026-12-07. Imported from the archive: 第1705期 of 2020.
    await db.issue.create({ data: { publicationId: publication.id, number: 120, date: '2026-12-07', pageCount: 8 } });
    await db.issue.create({ data: { publicationId: publication.id, number: 1705, date: '2020-08-17', pageCount: 4 } });
    const proposal = await newIssueProposal(new Date('2026-11-25T04:00:00Z'));
    expect(proposal.number).toBe(1706);
    expect(proposal.date).toBe('2026-12-14');
    expect(proposal.pageCount).toBe(4);
  });
});
