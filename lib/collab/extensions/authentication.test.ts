// The authentication extension on its own: who may join, and with which copy. Hocuspocus calls
// onAuthenticate with the socket's headers and the token the provider sent; here it is called the same
// way without a socket.
import type { onAuthenticatePayload } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSampleIssue } from '../../../seeds/load-sample';
import { sessionCookie, TEST_ORIGIN } from '../../../test/support/collab-clients';
import { openTestDatabase } from '../../../test/support/database';
import { makeActor } from '../../../test/support/users';
import type { Actor } from '../../access/actor';
import { createArticle } from '../../articles/editor-service';
import { articleDocumentName } from '../document-name';
import { currentArticleDocument } from '../stored-document';
import { authenticationExtension, NO_COPY_TOKEN, type CollabContext } from './authentication';

const db = openTestDatabase();
const SECRET = 'collab-auth-secret-0123456789abcdef';
let reporter: Actor;
let other: Actor;
let admin: Actor;
let articleId: string;
const lines: string[] = [];
let loaded: string | undefined;
const extension = authenticationExtension({
  db,
  secret: SECRET,
  recheckMs: 60_000,
  log: (line) => lines.push(line),
  loadedGeneration: () => loaded,
});

beforeAll(async () => {
  await loadSampleIssue(db);
  const publicationId = (await db.publication.findFirstOrThrow()).id;
  reporter = await makeActor(db, 'REPORTER', { name: '记者甲' });
  other = await makeActor(db, 'REPORTER', { name: '记者乙' });
  admin = await makeActor(db, 'ADMIN', { name: '管理员丙', twoFactor: true });
  articleId = (await createArticle(db, reporter, publicationId)).id;
});
afterAll(() => db.$disconnect());

type Asked = { person?: Actor; token?: string; name?: string; origin?: string };

/** What onAuthenticate answers for one socket: its context, or the refusal reason. */
async function ask({
  person = reporter,
  token = NO_COPY_TOKEN,
  name = articleDocumentName(articleId),
  origin = TEST_ORIGIN,
}: Asked): Promise<{ context?: CollabContext; reason?: string; readOnly: boolean }> {
  const connectionConfig = { readOnly: false, isAuthenticated: false };
  const payload: Pick<onAuthenticatePayload, 'documentName' | 'requestHeaders' | 'connectionConfig' | 'token'> = {
    documentName: name,
    token,
    connectionConfig,
    requestHeaders: { cookie: await sessionCookie(db, person.id, SECRET), origin },
  };
  try {
    const context = (await extension.onAuthenticate!(payload as onAuthenticatePayload)) as CollabContext;
    return { context, readOnly: connectionConfig.readOnly };
  } catch (error) {
    return { reason: (error as { reason?: string }).reason, readOnly: connectionConfig.readOnly };
  }
}

describe('the authentication extension', () => {
  it('takes the stored generation or no copy at all, and refuses a copy of another generation as stale-copy', async () => {
    const stored = (await currentArticleDocument(db, articleId))!;
    expect((await ask({ token: stored.generation })).context?.copyGeneration).toBe(stored.generation);
    expect((await ask({ token: NO_COPY_TOKEN })).context?.copyGeneration).toBeNull();
    expect((await ask({ token: crypto.randomUUID() })).reason).toBe('stale-copy');
    expect((await ask({ token: '' })).reason).toBe('stale-copy');
  });

  it('refuses any copy while this process holds a document of a generation no longer stored', async () => {
    const stored = (await currentArticleDocument(db, articleId))!;
    loaded = 'an-older-generation';
    try {
      expect((await ask({ token: stored.generation })).reason).toBe('stale-copy');
      expect((await ask({ token: NO_COPY_TOKEN })).reason).toBe('stale-copy');
    } finally {
      loaded = undefined;
    }
  });

  it('says who and how: the reporter types, an admin only reads, another reporter and another site are refused', async () => {
    const mine = await ask({});
    expect(mine.context).toMatchObject({ articleId: articleId, access: 'write', user: { id: reporter.id } });
    expect(mine.readOnly).toBe(false);
    const watching = await ask({ person: admin });
    expect(watching.context?.access).toBe('read');
    expect(watching.readOnly).toBe(true);
    expect((await ask({ person: other })).reason).toBe('forbidden');
    expect((await ask({ name: 'story:../etc' })).reason).toBe('unknown-document');
  });

  it('logs each refusal on one line, the name escaped and cut', async () => {
    lines.length = 0;
    await ask({ name: `x\n伪造的一行${'长'.repeat(3_000)}` });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(lines[0]!.length).toBeLessThan(300);
    expect(lines[0]).toMatch(/^co-editing refused "x\\n伪造的一行/);
  });
});
