// Readers through the app alone (`npm start` with its micro-cache, no front): a cached page keeps its
// own render's CSP nonce, junk router headers and cache-busting queries cannot poison it, a signed-in
// visitor is never served from it, and publish, correction, retraction and a scheduled story reach
// readers within a second (the journey of e2e/through-front.spec.ts: e2e/support/freshness.ts). The
// cached instance is a second process on the same database: people work through the first, so each
// change reaches the micro-cache through the invalidation broadcast between instances.
import fs from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';

import { startInstance, stopInstance, type Instance } from '../server/cluster';
import { E2E_CACHED_PORT, E2E_SERVER_ENV_FILE } from './support/env';
import { cachedCopyChecks, freshnessJourney } from './support/freshness';

const CACHED = `http://127.0.0.1:${E2E_CACHED_PORT}`;

const REPORTER = { name: '郑晓梅', email: 'zhengxiaomei@e2e.test', role: '记者', password: 'Iemoaixgnehz-pass-1' };
const EDITOR_A = { name: '吴承泽', email: 'wuchengze@e2e.test', role: '编辑', password: 'Ezgnehcuw-pass-1' };
const EDITOR_B = { name: '徐静怡', email: 'xujingyi@e2e.test', role: '编辑', password: 'Iygnijux-pass-12' };
const CHIEF = { name: '蒋国栋', email: 'jiangguodong@e2e.test', role: '总编', password: 'Gnodouggnaij-pass-1' };

test.describe.configure({ mode: 'serial' });

let cached: Instance | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const shared = JSON.parse(fs.readFileSync(E2E_SERVER_ENV_FILE, 'utf8')) as Record<string, string>;
  cached = await startInstance(
    {
      env: { ...process.env, ...shared, NEXTAUTH_URL: CACHED, SITE_URL: CACHED, APP_MICROCACHE: '1' },
      output: 'ignore',
    },
    'cached',
    E2E_CACHED_PORT,
  );
});

test.afterAll(async () => {
  if (cached) await stopInstance(cached.process);
});

const get = (request: APIRequestContext, path: string, headers: Record<string, string> = {}) =>
  request.get(CACHED + path, { headers, maxRedirects: 0 });
const side = { name: 'the app alone', url: () => CACHED, cacheHeader: 'x-app-cache' };

cachedCopyChecks(side);

test('a signed-in visitor, the newsroom, sign-in and the API never meet the micro-cache', async ({ request }) => {
  for (const [path, headers] of [
    ['/', { cookie: 'next-auth.session-token=forged' }],
    ['/newsroom', {}],
    ['/login', {}],
    ['/api/health', {}],
  ] as const) {
    for (let i = 0; i < 2; i += 1) {
      const answer = await get(request, path, headers);
      expect(answer.headers()['x-app-cache'], path).toBeUndefined();
      expect(answer.headers()['cache-control'], path).toContain('no-store');
    }
  }
});

freshnessJourney(
  side,
  { reporter: REPORTER, editorA: EDITOR_A, editorB: EDITOR_B, chief: CHIEF },
  { published: '柯城经应用缓存发布的新闻', scheduled: '柯城经应用缓存定时的新闻' },
);
