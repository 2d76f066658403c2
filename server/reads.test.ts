import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PEER_HEADER } from '../lib/http/client-ip';
import { APP_READS_PATH } from '../lib/reads/beacon';
import { visibleArticleWhere } from '../lib/revisions/visibility';
import { openTestDatabase } from '../test/support/database';
import { sampleNewsroom } from '../test/support/newsroom';
import { isReadBeacon, readsEndpoint, type ReadsEndpoint } from './reads';

const db = openTestDatabase();
const BROWSER =
  'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
let endpoint: ReadsEndpoint;
let server: http.Server;
let base: string;
let slug: string;
let articleId: string;

beforeAll(async () => {
  await sampleNewsroom(db);
  ({ slug, id: articleId } = await db.article.findFirstOrThrow({
    where: visibleArticleWhere(new Date()),
    select: { id: true, slug: true },
  }));
  endpoint = readsEndpoint();
  server = http.createServer((request, response) => {
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? '';
    if (isReadBeacon(request)) endpoint.handle(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
});

const beacon = (body: string, userAgent = BROWSER, method = 'POST', path = '/api/reads') =>
  fetch(`${base}${path}`, {
    method,
    body: method === 'POST' ? body : undefined,
    headers: { 'User-Agent': userAgent },
  });

describe('the read beacon', () => {
  it('answers 204, uncached and without a cookie, and counts one read per client, none for robots', async () => {
    const first = await beacon(slug);
    expect(first.status).toBe(204);
    expect(first.headers.get('cache-control')).toMatch(/no-store/);
    expect(first.headers.get('set-cookie')).toBeNull();
    expect((await beacon(slug)).status).toBe(204);
    expect((await beacon(slug, `${BROWSER} other`)).status).toBe(204);
    expect((await beacon(slug, 'Mozilla/5.0 (compatible; Baiduspider/2.0)')).status).toBe(204);
    // Written when the server stops (SIGTERM in production).
    await endpoint.stop();
    const rows = await db.articleRead.findMany({ where: { articleId } });
    expect(rows.map((row) => [row.channel, row.count])).toEqual([['web', 2]]);
  });

  it('counts the app’s beacon (?channel=app, the address the app feed names) as an app read', async () => {
    endpoint = readsEndpoint();
    const APP = 'KechengApp/2.3 (Android 13; Pixel 7)';
    expect((await beacon(slug, APP, 'POST', APP_READS_PATH)).status).toBe(204);
    expect((await beacon(slug, `${APP} b`, 'POST', APP_READS_PATH)).status).toBe(204);
    const unknown = await beacon(slug, APP, 'POST', '/api/reads?channel=weibo');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toBe('渠道应为 web 或 app');
    await endpoint.stop();
    const rows = await db.articleRead.findMany({ where: { articleId }, orderBy: { channel: 'asc' } });
    expect(rows.map((row) => [row.channel, row.count])).toEqual([
      ['app', 2],
      ['web', 2],
    ]);
  });

  it('refuses a body that is not a slug, and other methods, with a Chinese message', async () => {
    const bad = await beacon('<script>');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('请求内容应为稿件的网址名');
    expect((await beacon('x'.repeat(500))).status).toBe(413);
    expect((await beacon('', BROWSER, 'GET')).status).toBe(405);
  });

  it('is only the beacon path', () => {
    expect(isReadBeacon({ url: '/api/reads' })).toBe(true);
    expect(isReadBeacon({ url: '/api/readsx' })).toBe(false);
  });
});

describe('the front', () => {
  it('passes the beacon to the app without its cache, while reader pages keep theirs', async () => {
    const { readFileSync } = await import('node:fs');
    const conf = readFileSync(new URL('../deploy/nginx/kecheng-locations.conf', import.meta.url), 'utf8');
    const block = /location = \/api\/reads \{([^}]*)\}/.exec(conf)?.[1];
    expect(block).toBeDefined();
    expect(block).toContain('proxy_pass http://kecheng_app;');
    expect(block).not.toMatch(/proxy_cache\b/);
    const { cacheClassOf } = await import('../lib/http/cache-policy');
    expect(cacheClassOf('/api/reads', false, 'POST')).toBe('never');
    expect(cacheClassOf('/articles/kou-dai-gong-yuan', false, 'GET')).toBe('reader');
  });
});
