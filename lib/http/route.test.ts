// The route wrapper: each check refuses with its status before the handler runs, the domain's errors
// map to statuses, anything else propagates, and every answer is private.
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { AccessDenied } from '../access/denied';
import { UserFacingError } from '../actions/result';
import type { CurrentUser } from '../auth/current-user';
import { PRIVATE_CACHE_CONTROL, privateRoute, routeJson, RouteRefusal } from './route';
import { CROSS_ORIGIN_MESSAGE } from './same-origin';

const gate: { user: CurrentUser | AccessDenied } = { user: new AccessDenied('UNAUTHENTICATED') };
const asked: string[] = [];
vi.mock('../auth/require-user', () => ({
  requireUser: async (capability: string) => {
    asked.push(capability);
    if (gate.user instanceof AccessDenied) throw gate.user;
    return gate.user;
  },
}));

const EDITOR: CurrentUser = { id: 'u1', email: 'editor@example.invalid', name: '编辑乙', role: 'EDITOR' };
const limit = { maxBytes: 100, tooLarge: '太大', lengthRequired: '缺少长度' };

function post(headers: Record<string, string> = {}): Request {
  return new Request('http://newsroom.test/api/x', { method: 'POST', headers: { host: 'newsroom.test', ...headers } });
}

async function answer(response: Response) {
  expect(response.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  return { status: response.status, body: (await response.json()) as unknown };
}

beforeEach(() => {
  gate.user = EDITOR;
  asked.length = 0;
});

describe('privateRoute', () => {
  const ran: string[] = [];
  const handler = async (_request: Request, user: CurrentUser) => {
    ran.push(user.id);
    return routeJson(200, { ok: true, who: user.id });
  };
  const route = privateRoute({ capability: 'media:upload', body: limit }, handler);
  beforeEach(() => {
    ran.length = 0;
  });

  it('runs the handler for a signed-in person who may, with the private Cache-Control', async () => {
    expect(await answer(await route(post({ 'content-length': '100', origin: 'http://newsroom.test' })))).toEqual({
      status: 200,
      body: { ok: true, who: 'u1' },
    });
    expect(asked).toEqual(['media:upload']);
    expect(PRIVATE_CACHE_CONTROL).toMatch(/^private, .*no-store/);
  });

  it('refuses a write from another site before asking who it is', async () => {
    expect(await answer(await route(post({ 'content-length': '1', origin: 'https://elsewhere.example' })))).toEqual({
      status: 403,
      body: { ok: false, error: CROSS_ORIGIN_MESSAGE },
    });
    expect(asked).toEqual([]);
    expect(ran).toEqual([]);
  });

  it('answers 401 to no one signed in and 403 to someone without the capability', async () => {
    gate.user = new AccessDenied('UNAUTHENTICATED');
    expect(await answer(await route(post({ 'content-length': '1' })))).toEqual({
      status: 401,
      body: { ok: false, error: '请先登录' },
    });
    gate.user = new AccessDenied('FORBIDDEN');
    expect(await answer(await route(post({ 'content-length': '1' })))).toEqual({
      status: 403,
      body: { ok: false, error: '没有权限进行此操作' },
    });
    expect(ran).toEqual([]);
  });

  it('judges the declared length before the body: 413 past the limit, 411 without one when required', async () => {
    expect(await answer(await route(post({ 'content-length': '101' })))).toEqual({
      status: 413,
      body: { ok: false, error: '太大' },
    });
    expect(await answer(await route(post()))).toEqual({ status: 411, body: { ok: false, error: '缺少长度' } });
    expect(ran).toEqual([]);
    // A streamed body may come without a length; its handler cuts it off as it reads.
    const streamed = privateRoute({ capability: 'issue:plan', body: { maxBytes: 100, tooLarge: '太大' } }, handler);
    expect((await streamed(post())).status).toBe(200);
    // A refusal by length needs the person first: the anonymous get 401, never a hint about sizes.
    gate.user = new AccessDenied('UNAUTHENTICATED');
    expect((await route(post({ 'content-length': '101' }))).status).toBe(401);
  });

  it('maps the handler’s refusals and the domain’s errors to statuses, and lets a bug propagate', async () => {
    const failing = (error: Error) =>
      privateRoute({ capability: 'audit:read' }, async () => {
        throw error;
      });
    expect(await answer(await failing(new RouteRefusal(413, '超过 60 MB'))(post()))).toEqual({
      status: 413,
      body: { ok: false, error: '超过 60 MB' },
    });
    expect(await answer(await failing(new UserFacingError('不是图片'))(post()))).toEqual({
      status: 400,
      body: { ok: false, error: '不是图片' },
    });
    expect(await answer(await failing(new AccessDenied('FORBIDDEN'))(post()))).toMatchObject({ status: 403 });
    await expect(failing(new Error('bug'))(post())).rejects.toThrow('bug');
  });

  it('gives a handler’s own response (a CSV download) the private Cache-Control too', async () => {
    const csv = privateRoute(
      { capability: 'audit:read' },
      async () =>
        new Response('a,b', { headers: { 'Content-Type': 'text/csv', 'Cache-Control': 'public, max-age=60' } }),
    );
    const response = await csv(new Request('http://newsroom.test/x'));
    expect(response.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL);
    expect(await response.text()).toBe('a,b');
    expect(asked).toEqual(['audit:read']);
  });
});

describe('privateRoute with ownCache', () => {
  const kept = 'private, max-age=31536000, immutable';
  const route = privateRoute({ capability: 'newsroom:enter', ownCache: true }, async () =>
    Response.json({ ok: true }, { headers: { 'Cache-Control': kept } }),
  );
  const get = () => new Request('http://newsroom.test/api/x', { headers: { host: 'newsroom.test' } });

  it("keeps the handler's own Cache-Control on its answer", async () => {
    expect((await route(get())).headers.get('cache-control')).toBe(kept);
  });

  it('still makes a refusal private and uncached', async () => {
    gate.user = new AccessDenied('UNAUTHENTICATED');
    const refused = await route(get());
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL);
  });
});
