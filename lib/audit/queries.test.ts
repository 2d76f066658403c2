// The audit log's filter options: each action once, in order, counted in SQL.
import { describe, expect, it, vi } from 'vitest';

import type { SessionClaims } from '@/lib/auth/session-claims';
import { openTestDatabase } from '@/test/support/database';
import { signedInClaims } from '@/test/support/sessions';
import { makeUser } from '@/test/support/users';

import { auditFilterOptions } from './queries';
import { recordAudit } from './record';

const identity: { claims: SessionClaims | null } = { claims: null };
vi.mock('@/lib/auth/session-claims', () => ({ readSessionClaims: async () => identity.claims }));

const db = openTestDatabase();

describe('auditFilterOptions', () => {
  it('lists every action once, alphabetically, and every person', async () => {
    const admin = await makeUser(db, 'ADMIN', { twoFactor: true });
    identity.claims = await signedInClaims(db, admin.id);
    const actions = ['user.create', 'auth.sign-in', 'article.save', 'auth.sign-in', 'article.save', 'article.save'];
    for (const action of actions) await recordAudit(db, { action, actorId: admin.id });
    const options = await auditFilterOptions();
    expect(options.actions).toEqual(['article.save', 'auth.sign-in', 'user.create']);
    expect(options.people.map((person) => person.id)).toEqual([admin.id]);
  });
});
