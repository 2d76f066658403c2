import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { config as proxyConfig } from '../../proxy';
import { BODY_LIMIT_BYTES, bodyRefusal, STREAMED_UPLOAD_PATHS } from './body-limits';

const head = (url: string, headers: Record<string, string>, method = 'POST') => ({ method, url, headers });
const MB = 1024 * 1024;

describe('bodyRefusal', () => {
  it('refuses a declared body past 2 MB on any page, action or API path, before it is read', () => {
    for (const url of ['/', '/articles/x', '/newsroom/issues/import', '/api/auth/callback/credentials', '/login?x=1'])
      expect(bodyRefusal(head(url, { 'content-length': String(35 * MB) }))).toEqual({
        status: 413,
        message: '请求内容过大（上限 2 MB）',
      });
    expect(bodyRefusal(head('/', { 'content-length': String(BODY_LIMIT_BYTES + 1) }))?.status).toBe(413);
  });
  it('lets small bodies and bodiless requests through', () => {
    expect(bodyRefusal(head('/newsroom', { 'content-length': String(BODY_LIMIT_BYTES) }))).toBeNull();
    expect(bodyRefusal(head('/', {}, 'GET'))).toBeNull();
    expect(bodyRefusal(head('/', { 'content-length': '0' }, 'GET'))).toBeNull();
  });
  it('asks for a length when the body has none (chunked) or a malformed one', () => {
    expect(bodyRefusal(head('/', { 'transfer-encoding': 'chunked' }))).toEqual({
      status: 411,
      message: '请求无效：缺少长度',
    });
    expect(bodyRefusal(head('/', { 'content-length': 'lots' }))?.status).toBe(411);
  });
  it('leaves the upload and import routes to their own checks (user first, then their larger limits)', () => {
    for (const url of STREAMED_UPLOAD_PATHS) {
      expect(bodyRefusal(head(url, { 'content-length': String(35 * MB) }))).toBeNull();
      expect(bodyRefusal(head(`${url}?issueId=1&page=all`, { 'transfer-encoding': 'chunked' }))).toBeNull();
    }
    expect(bodyRefusal(head('/api/media/x', { 'content-length': String(35 * MB) }))?.status).toBe(413);
  });
});

describe('the limits Next applies', () => {
  it('are the same 2 MB for the proxy and for server actions', () => {
    // next.config.js is plain JavaScript without types; its two settings are read as written.
    const source = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'next.config.js'), 'utf8');
    expect(source.match(/proxyClientMaxBodySize: '([^']+)'/)?.[1]).toBe('2mb');
    expect(source.match(/serverActions: \{ bodySizeLimit: '([^']+)' \}/)?.[1]).toBe('2mb');
    expect(BODY_LIMIT_BYTES).toBe(2 * MB);
  });
  it('the proxy matcher skips exactly the streamed upload paths, so Next never buffers their bodies', () => {
    const source = proxyConfig.matcher[0]!.source;
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    for (const url of STREAMED_UPLOAD_PATHS) expect(matches(url)).toBe(false);
    for (const url of ['/', '/media/ab/cd.webp', '/newsroom/issues/import', '/api/health', '/api/auth/session'])
      expect(matches(url)).toBe(true);
  });
});
