// Every server action and every newsroom route handler, called as anonymous, each role and a
// deactivated user, must allow or deny exactly as the capability table says. The lists below are
// checked against the code: a new action or route that is not listed here fails this test.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { can, ROLES, type Capability } from '@/lib/access/capabilities';
import type { SessionClaims } from '@/lib/auth/session-claims';
import type { SocketUser } from '@/lib/collab/session';
import type { Role } from '@/lib/generated/prisma/enums';

import { openTestDatabase } from './support/database';
import { signedInClaims } from './support/sessions';
import { makeUser } from './support/users';

const identity: { claims: SessionClaims | null } = { claims: null };

vi.mock('@/lib/auth/session-claims', () => ({ readSessionClaims: async () => identity.claims }));
vi.mock('next/cache', () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  unstable_cache: (fn: unknown) => fn,
}));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '127.0.0.1' }) }));

// 'enrolment': setting up one's own two-factor sign-in, open to every signed-in person ('newsroom:enter'),
// including one who owes it, whom everything else refuses (lib/auth/require-user.ts).
type Rule = Capability | 'public' | 'enrolment';
type ActionEntry = { rule: Rule; invoke?: (action: (...args: never[]) => Promise<unknown>) => Promise<unknown> };

/** Every exported server action, by module, with the capability it needs. */
const articleInput = {
  kicker: '',
  headline: '标题',
  subheadline: '',
  dateline: '本报讯',
  byline: '',
  summary: '',
  slug: '',
  coverMediaId: null,
  authors: [],
  body: { type: 'doc', content: [] },
};

/** A redirect means the action ran (it was allowed); Next signals it by throwing. */
async function followRedirect(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? '').startsWith('NEXT_REDIRECT')) return { redirected: true };
    throw error;
  }
}

const layoutInput = { issueId: 'no-such-issue', issueNumber: 0, articleId: 'no-such-story' };
const epaperInput = { issueId: 'no-such-issue', issueNumber: 0, page: 1 };

const ACTIONS: Record<string, Record<string, ActionEntry>> = {
  'lib/articles/actions.ts': {
    createArticleAction: {
      rule: 'article:create',
      invoke: (action) => followRedirect(() => (action as () => Promise<unknown>)()),
    },
    trashArticleAction: {
      rule: 'article:trash',
      invoke: (action) =>
        followRedirect(() => (action as (...args: unknown[]) => Promise<unknown>)(null, new FormData())),
    },
    restoreArticleAction: { rule: 'article:restore' },
    mediaLibraryAction: {
      rule: 'media:upload',
      invoke: (action) => (action as (...args: unknown[]) => Promise<unknown>)(1),
    },
  },
  'lib/collab/actions.ts': {
    restoreRevisionAction: {
      rule: 'newsroom:enter',
      invoke: (action) => (action as (...args: unknown[]) => Promise<unknown>)('no-such-story', 'no-such-revision', 1),
    },
  },
  'lib/workflow/actions.ts': {
    submitArticleAction: { rule: 'article:edit-own' },
    approveArticleAction: { rule: 'article:review' },
    overrideProofingSignoffAction: { rule: 'proofing:override' },
    returnArticleAction: { rule: 'article:review' },
    publishArticleAction: { rule: 'article:publish' },
    unscheduleArticleAction: { rule: 'article:publish' },
    correctArticleAction: { rule: 'article:publish' },
    retractArticleAction: { rule: 'article:publish' },
    addCommentAction: { rule: 'newsroom:enter' },
  },
  'lib/proofing/actions.ts': {
    ignoreProofingHitAction: { rule: 'newsroom:enter' },
  },
  'lib/proofing/list-actions.ts': {
    importProofingListsAction: { rule: 'proofing:edit-lists' },
    addProofingEntryAction: { rule: 'proofing:edit-lists' },
    removeProofingEntryAction: { rule: 'proofing:edit-lists' },
  },
  'lib/issues/actions.ts': {
    createIssueAction: { rule: 'issue:plan' },
    placeArticleAction: {
      rule: 'issue:plan',
      invoke: (action) => (action as (...args: unknown[]) => Promise<unknown>)({ ...layoutInput, page: 1 }),
    },
    removeFromIssueAction: {
      rule: 'issue:plan',
      invoke: (action) => (action as (...args: unknown[]) => Promise<unknown>)(layoutInput),
    },
    setContinuationAction: {
      rule: 'issue:plan',
      invoke: (action) => (action as (...args: unknown[]) => Promise<unknown>)({ ...layoutInput, page: null }),
    },
    publishIssueAction: { rule: 'issue:publish' },
    unscheduleIssueAction: { rule: 'issue:publish' },
  },
  'lib/issues/epaper-actions.ts': {
    removePagePdfAction: {
      rule: 'issue:plan',
      invoke: (action) => (action as (...args: unknown[]) => Promise<unknown>)(epaperInput),
    },
    saveAreasAction: {
      rule: 'issue:plan',
      invoke: (action) => (action as (...args: unknown[]) => Promise<unknown>)({ ...epaperInput, areas: [] }),
    },
    redetectAreasAction: {
      rule: 'issue:plan',
      invoke: (action) => (action as (...args: unknown[]) => Promise<unknown>)(epaperInput),
    },
    publishPagePdfAction: {
      rule: 'issue:publish',
      invoke: (action) => (action as (...args: unknown[]) => Promise<unknown>)(epaperInput),
    },
  },
  'lib/channels/actions.ts': {
    recordSendAction: { rule: 'channel:send' },
    recordWithdrawalAction: { rule: 'channel:send' },
  },
  'lib/channels/wechat-actions.ts': {
    updateWechatCredentialsAction: { rule: 'settings:edit' },
    pushWechatDraftAction: { rule: 'channel:send' },
    // 发布 on the 公众号 is the chief editor's alone (docs/architecture.md: Channels).
    publishWechatAction: { rule: 'channel:publish' },
    pollWechatPublishAction: {
      rule: 'channel:send',
      invoke: (action) => (action as (...args: unknown[]) => Promise<unknown>)('no-such-story'),
    },
  },
  'lib/settings/actions.ts': {
    updatePublicationAction: { rule: 'settings:edit' },
  },
  // 考核设置: the point rules and 结账, the chief editor's and the admin's (docs/architecture.md: 考核).
  'lib/stats/actions.ts': {
    savePointRulesAction: { rule: 'stats:manage' },
    closeMonthAction: { rule: 'stats:manage' },
  },
  'lib/security/actions.ts': {
    updatePasswordPolicyAction: { rule: 'settings:edit' },
    updateTwoFactorRolesAction: { rule: 'settings:edit' },
    updateSessionIdleAction: { rule: 'settings:edit' },
  },
  'lib/users/session-actions.ts': {
    endOwnSessionAction: { rule: 'newsroom:enter' },
    forgetOwnDevicesAction: { rule: 'newsroom:enter' },
    signOutEverywhereAction: { rule: 'user:manage' },
  },
  'lib/users/two-factor-actions.ts': {
    startEnrolmentAction: { rule: 'enrolment' },
    confirmEnrolmentAction: { rule: 'enrolment' },
    regenerateRecoveryCodesAction: { rule: 'newsroom:enter' },
    resetTwoFactorAction: { rule: 'user:manage' },
  },
  'lib/users/actions.ts': {
    createAccountAction: { rule: 'user:manage' },
    changeRoleAction: { rule: 'user:manage' },
    setDepartmentAction: { rule: 'user:manage' },
    deactivateAccountAction: { rule: 'user:manage' },
    reactivateAccountAction: { rule: 'user:manage' },
    issuePasswordResetAction: { rule: 'user:manage' },
    deleteAccountAction: { rule: 'user:manage' },
    redeemTokenAction: { rule: 'public' },
    renameSelfAction: { rule: 'newsroom:enter' },
    changeOwnPasswordAction: { rule: 'newsroom:enter' },
  },
};

/** Every route handler outside the public site, with its methods and the capability each needs. */
const ROUTES: Record<string, Record<string, { rule: Rule; url?: string }>> = {
  'app/(newsroom)/newsroom/admin/audit/export/route.ts': { GET: { rule: 'audit:read' } },
  'app/(newsroom)/newsroom/proofing/export/route.ts': { GET: { rule: 'proofing:edit-lists' } },
  // 考核: everyone in the newsroom exports what the page shows them (their own row; editors everyone's).
  'app/(newsroom)/newsroom/stats/export/route.ts': {
    GET: { rule: 'newsroom:enter', url: 'http://localhost/newsroom/stats/export?month=2026-11&format=csv' },
  },
  'app/(newsroom)/newsroom/articles/[id]/text-pack.zip/route.ts': {
    GET: { rule: 'channel:send', url: 'http://localhost/newsroom/articles/x/text-pack.zip?media=m' },
  },
  'app/api/media/route.ts': { POST: { rule: 'media:upload' } },
  'app/api/newsroom/epaper/route.ts': { POST: { rule: 'issue:plan' } },
  'app/api/newsroom/import/route.ts': { POST: { rule: 'issue:import' } },
  'app/api/newsroom/proofing-lists/[version]/route.ts': {
    GET: { rule: 'newsroom:enter', url: 'http://localhost/api/newsroom/proofing-lists/0' },
  },
};

/** Route handlers that are public by design (the reader site, health, next-auth's own endpoints). */
const PUBLIC_ROUTE_PREFIXES = ['app/(public)/', 'app/api/health/', 'app/api/auth/', 'app/media/'];

const ROOT = path.resolve(import.meta.dirname, '..');

function filesNamed(dir: string, name: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'generated') found.push(...filesNamed(relative, name));
    else if (entry.name === name) found.push(relative);
  }
  return found;
}

/** Every module that declares server actions ('use server' before any code), whatever its name. */
function serverActionModules(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'generated') found.push(...serverActionModules(relative));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      const source = fs.readFileSync(path.join(ROOT, relative), 'utf8');
      if (/^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/.test(source)) found.push(relative);
    }
  }
  return found;
}

/**
 * owesTwoFactor: the role must use two-factor sign-in (the default policy: admins and chief editors)
 * and the person has not set it up; every other signed-in row has set it up.
 */
type Who = { label: string; role: Role | null; active: boolean; owesTwoFactor?: boolean };
const WHO: Who[] = [
  { label: 'anonymous', role: null, active: false },
  ...ROLES.map((role) => ({ label: role, role, active: true })),
  { label: 'deactivated admin', role: 'ADMIN', active: false },
  {
    label: 'admin who has not set up the required two-factor sign-in',
    role: 'ADMIN',
    active: true,
    owesTwoFactor: true,
  },
  {
    label: 'chief editor who has not set up the required two-factor sign-in',
    role: 'CHIEF_EDITOR',
    active: true,
    owesTwoFactor: true,
  },
];

function allowed(rule: Rule, who: Who): boolean {
  if (rule === 'public') return true;
  if (who.owesTwoFactor && rule !== 'enrolment') return false;
  return who.role !== null && who.active && can(who.role, rule === 'enrolment' ? 'newsroom:enter' : rule);
}

const db = openTestDatabase();
const claimsFor = new Map<string, SessionClaims | null>();

beforeAll(async () => {
  for (const who of WHO) {
    if (!who.role) {
      claimsFor.set(who.label, null);
      continue;
    }
    const user = await makeUser(db, who.role, { active: who.active, twoFactor: !who.owesTwoFactor });
    claimsFor.set(who.label, await signedInClaims(db, user.id, user.sessionVersion));
  }
});
afterAll(() => db.$disconnect());

/** The rows before may have saved another set of roles (updateTwoFactorRolesAction with an empty form). */
async function requireDefaultTwoFactorRoles(who: Who): Promise<void> {
  if (!who.owesTwoFactor) return;
  const twoFactorRoles = 'ADMIN,CHIEF_EDITOR';
  await db.securityPolicy.upsert({ where: { id: 1 }, create: { id: 1, twoFactorRoles }, update: { twoFactorRoles } });
}

describe('the authorization matrix covers the code', () => {
  it('lists every server-actions module and every exported action', async () => {
    const modules = serverActionModules('lib').sort();
    expect(modules).toEqual(Object.keys(ACTIONS).sort());
    for (const file of modules) {
      const exported = Object.keys(await import(path.join(ROOT, file))).sort();
      expect(exported, file).toEqual(Object.keys(ACTIONS[file]!).sort());
    }
  });

  it('lists every non-public route handler and its methods', async () => {
    const routes = filesNamed('app', 'route.ts')
      .filter((file) => !PUBLIC_ROUTE_PREFIXES.some((prefix) => file.startsWith(prefix)))
      .sort();
    expect(routes).toEqual(Object.keys(ROUTES).sort());
    for (const file of routes) {
      const methods = Object.keys(await import(path.join(ROOT, file)))
        .filter((name) => /^[A-Z]+$/.test(name))
        .sort();
      expect(methods, file).toEqual(Object.keys(ROUTES[file]!).sort());
    }
  });
});

describe.each(WHO)('as $label', (who) => {
  beforeEach(() => requireDefaultTwoFactorRoles(who));
  for (const [file, actions] of Object.entries(ACTIONS)) {
    for (const [name, entry] of Object.entries(actions)) {
      const expected = allowed(entry.rule, who);
      it(`${expected ? 'allows' : 'denies'} ${name}`, async () => {
        identity.claims = claimsFor.get(who.label) ?? null;
        const action = (await import(path.join(ROOT, file)))[name] as (
          ...args: unknown[]
        ) => Promise<{ denied?: string }>;
        const result = (await (entry.invoke ? entry.invoke(action as never) : action(null, new FormData()))) as {
          denied?: string;
        };
        expect(result.denied === undefined, JSON.stringify(result)).toBe(expected);
      });
    }
  }

  for (const [file, methods] of Object.entries(ROUTES)) {
    for (const [method, entry] of Object.entries(methods)) {
      const expected = allowed(entry.rule, who);
      it(`${expected ? 'allows' : 'denies'} ${method} ${file}`, async () => {
        identity.claims = claimsFor.get(who.label) ?? null;
        const handler = (await import(path.join(ROOT, file)))[method] as (request: Request) => Promise<Response>;
        const response = await handler(new Request(entry.url ?? 'http://localhost/x', { method }));
        expect([401, 403].includes(response.status), `status ${response.status}`).toBe(!expected);
      });
    }
  }
});

/**
 * Reading one story someone else (a reporter) wrote: the editor needs the right to edit it; the
 * read-only views (preview, history) need the right to read it ('article:read-any', which admins
 * have: they support the team but never edit copy).
 */
const ARTICLE_READS: Record<
  string,
  { rule: 'edit' | 'read'; invoke: (queries: typeof import('@/lib/articles/queries'), id: string) => Promise<unknown> }
> = {
  getArticleForEditor: { rule: 'edit', invoke: (queries, id) => queries.getArticleForEditor(id) },
  getArticlePreview: { rule: 'read', invoke: (queries, id) => queries.getArticlePreview(id) },
  getArticleHeading: { rule: 'read', invoke: (queries, id) => queries.getArticleHeading(id) },
  listRevisions: { rule: 'read', invoke: (queries, id) => queries.listRevisions(id) },
};

describe('reading a story written by someone else', () => {
  let articleId = '';
  beforeAll(async () => {
    const author = await makeUser(db, 'REPORTER');
    const publication =
      (await db.publication.findFirst()) ??
      (await db.publication.create({
        data: { slug: 'p', name: '今日柯城', publisher: 'x', hotline: '1', address: '', postcode: '' },
      }));
    articleId = (
      await db.article.create({
        data: {
          publicationId: publication.id,
          slug: 'someone-elses',
          headline: '别人的稿件',
          body: '{"type":"doc","content":[]}',
          bodyText: '',
          createdById: author.id,
        },
      })
    ).id;
  });

  describe.each(WHO)('as $label', (who) => {
    beforeEach(() => requireDefaultTwoFactorRoles(who));
    for (const [name, entry] of Object.entries(ARTICLE_READS)) {
      const expected =
        who.role !== null &&
        who.active &&
        !who.owesTwoFactor &&
        (can(who.role, 'article:edit-any') || (entry.rule === 'read' && can(who.role, 'article:read-any')));
      it(`${expected ? 'allows' : 'denies'} ${name}`, async () => {
        identity.claims = claimsFor.get(who.label) ?? null;
        const queries = await import('@/lib/articles/queries');
        const outcome = await entry.invoke(queries, articleId).then(
          () => 'allowed',
          (error: unknown) => ((error as Error).name === 'AccessDenied' ? 'denied' : error),
        );
        expect(outcome).toBe(expected ? 'allowed' : 'denied');
      });
    }
  });

  describe.each(WHO)('the 公众号 copy as $label', (who) => {
    beforeEach(() => requireDefaultTwoFactorRoles(who));
    const expected = allowed('channel:send', who);
    it(`${expected ? 'allows' : 'denies'} getWechatCopy`, async () => {
      identity.claims = claimsFor.get(who.label) ?? null;
      const { getWechatCopy } = await import('@/lib/channels/wechat-queries');
      const outcome = await getWechatCopy(articleId).then(
        () => 'allowed',
        (error: unknown) => ((error as Error).name === 'AccessDenied' ? 'denied' : error),
      );
      expect(outcome).toBe(expected ? 'allowed' : 'denied');
    });
  });

  // The 考核 page's read: every newsroom account (what each sees is the view's rule: lib/stats/service.ts).
  describe.each(WHO)('the 考核 page as $label', (who) => {
    beforeEach(() => requireDefaultTwoFactorRoles(who));
    const expected = allowed('newsroom:enter', who);
    it(`${expected ? 'allows' : 'denies'} getStatsPage`, async () => {
      identity.claims = claimsFor.get(who.label) ?? null;
      const { getStatsPage } = await import('@/lib/stats/queries');
      const { monthPeriod } = await import('@/lib/stats/period');
      const period = monthPeriod('2026-11');
      if (!period.ok) throw new Error(period.error);
      const outcome = await getStatsPage(period.period).then(
        () => 'allowed',
        (error: unknown) => ((error as Error).name === 'AccessDenied' ? 'denied' : error),
      );
      expect(outcome).toBe(expected ? 'allowed' : 'denied');
    });
  });

  it('admins may read every story and edit none', () => {
    expect(can('ADMIN', 'article:read-any')).toBe(true);
    expect(can('ADMIN', 'article:edit-any') || can('ADMIN', 'article:edit-own')).toBe(false);
  });
});

/**
 * The object check: a reporter acting on another reporter's story, through every action that names a
 * story and every newsroom read of one, is refused; the story's own author doing the same is not (the
 * control: without it a refusal for any other reason would pass). Each row gets a story of its own.
 */
type Invoke = (id: string, revisionId: string) => Promise<unknown>;
const actionsModule = () => import('@/lib/articles/actions');
const workflowModule = () => import('@/lib/workflow/actions');
const articleForm = (id: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.set('articleId', id);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
};
const OBJECT_ACTIONS: Record<string, Invoke> = {
  restoreRevisionAction: async (id, revisionId) =>
    (await import('@/lib/collab/actions')).restoreRevisionAction(id, revisionId, 1),
  trashArticleAction: async (id) =>
    followRedirect(async () => (await actionsModule()).trashArticleAction(null, articleForm(id))),
  submitArticleAction: async (id) => (await workflowModule()).submitArticleAction(null, articleForm(id)),
  addCommentAction: async (id) => (await workflowModule()).addCommentAction(null, articleForm(id, { body: '意见' })),
};
const OBJECT_READS: Record<string, Invoke> = {
  getArticleForEditor: async (id) => (await import('@/lib/articles/queries')).getArticleForEditor(id),
  getArticlePreview: async (id) => (await import('@/lib/articles/queries')).getArticlePreview(id),
  getArticleHeading: async (id) => (await import('@/lib/articles/queries')).getArticleHeading(id),
  listRevisions: async (id) => (await import('@/lib/articles/queries')).listRevisions(id),
  revisionDiff: async (id, revisionId) =>
    (await import('@/lib/articles/queries')).revisionDiff(id, revisionId, revisionId),
  getWorkflowPanel: async (id) => (await import('@/lib/workflow/queries')).getWorkflowPanel(id),
  getChannelPanel: async (id) => (await import('@/lib/channels/queries')).getChannelPanel(id),
};

describe("a reporter on another reporter's story", () => {
  let author: SocketUser;
  let intruder: { id: string; sessionVersion: number };
  let publicationId = '';
  beforeAll(async () => {
    author = { ...(await makeUser(db, 'REPORTER')), role: 'REPORTER' };
    intruder = await makeUser(db, 'REPORTER');
    const publication =
      (await db.publication.findFirst()) ??
      (await db.publication.create({
        data: { slug: 'p', name: '今日柯城', publisher: 'x', hotline: '1', address: '', postcode: '' },
      }));
    publicationId = publication.id;
    const { ensureSearchIndex } = await import('@/lib/search/search-index');
    await ensureSearchIndex(db);
  });

  async function authorsArticle(): Promise<{ id: string; revisionId: string }> {
    const { createArticle } = await import('@/lib/articles/editor-service');
    const { id } = await createArticle(db, author, publicationId);
    const revision = await db.revision.findFirstOrThrow({ where: { articleId: id } });
    return { id, revisionId: revision.id };
  }

  const outcomeOf = (run: () => Promise<unknown>) =>
    run().then(
      (result) => ((result as { denied?: string } | undefined)?.denied ? 'denied' : 'allowed'),
      (error: unknown) => ((error as Error).name === 'AccessDenied' ? 'denied' : 'allowed'),
    );

  for (const [name, invoke] of Object.entries({ ...OBJECT_ACTIONS, ...OBJECT_READS })) {
    it(`denies ${name} to another reporter and allows it to the author`, async () => {
      const story = await authorsArticle();
      identity.claims = await signedInClaims(db, intruder.id);
      expect(await outcomeOf(() => invoke(story.id, story.revisionId))).toBe('denied');
      identity.claims = await signedInClaims(db, author.id);
      expect(await outcomeOf(() => invoke(story.id, story.revisionId))).toBe('allowed');
    });
  }

  it("finds the author's story in the author's newsroom search, not in another reporter's", async () => {
    const { saveArticle } = await import('@/lib/articles/editor-service');
    const story = await authorsArticle();
    await saveArticle(db, author, story.id, 1, { ...articleInput, headline: '独家柯城河湖巡查', authors: [] });
    const { searchForNewsroom } = await import('@/lib/search/queries');
    identity.claims = await signedInClaims(db, intruder.id);
    expect((await searchForNewsroom('河湖巡查', 1)).hits.map((hit) => hit.articleId)).not.toContain(story.id);
    identity.claims = await signedInClaims(db, author.id);
    expect((await searchForNewsroom('河湖巡查', 1)).hits.map((hit) => hit.articleId)).toContain(story.id);
  });

  it('refuses an editor the final level (终审 is the chief editor’s), and lets a chief editor sign it', async () => {
    const story = await authorsArticle();
    await db.article.update({
      where: { id: story.id },
      data: { headline: '待终审', status: 'SUBMITTED', reviewLevel: 2 },
    });
    const { approveArticleAction } = await workflowModule();
    const editor = await makeUser(db, 'EDITOR');
    identity.claims = await signedInClaims(db, editor.id);
    const refused = await approveArticleAction(null, articleForm(story.id));
    expect(refused.ok).toBe(false);
    expect(
      await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { status: true, reviewLevel: true } }),
    ).toEqual({ status: 'SUBMITTED', reviewLevel: 2 });
    const chief = await makeUser(db, 'CHIEF_EDITOR', { twoFactor: true });
    identity.claims = await signedInClaims(db, chief.id);
    expect((await approveArticleAction(null, articleForm(story.id))).ok).toBe(true);
  });
});
