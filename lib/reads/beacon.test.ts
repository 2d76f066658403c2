import { describe, expect, it } from 'vitest';

import { SLUG_PATTERN } from '../articles/slug';
import { APP_READS_PATH, BEACON_SLUG, judgeBeacon } from './beacon';

describe('judgeBeacon', () => {
  it('takes a POST whose body is a slug', () => {
    expect(judgeBeacon('POST', 'kecheng-kou-dai-gong-yuan\n')).toEqual({
      kind: 'read',
      slug: 'kecheng-kou-dai-gong-yuan',
      channel: 'web',
    });
  });

  it('takes the channel from the address: the app’s, the website’s by default, nothing else', () => {
    expect(judgeBeacon('POST', 'a-b', APP_READS_PATH)).toEqual({ kind: 'read', slug: 'a-b', channel: 'app' });
    expect(judgeBeacon('POST', 'a-b', '/api/reads?channel=web')).toMatchObject({ channel: 'web' });
    expect(judgeBeacon('POST', 'a-b', '/api/reads?v=1')).toMatchObject({ channel: 'web' });
    for (const url of ['/api/reads?channel=weibo', '/api/reads?channel=', '/api/reads?channel=APP'])
      expect(judgeBeacon('POST', 'a-b', url)).toEqual({ kind: 'refused', status: 400, message: '渠道应为 web 或 app' });
  });

  it('refuses other methods and bodies with a Chinese message', () => {
    expect(judgeBeacon('GET', 'a')).toMatchObject({ kind: 'refused', status: 405, message: '只接受 POST 请求' });
    for (const body of ['', '../etc', 'A-B', '{"slug":"a"}', 'a'.repeat(201)])
      expect(judgeBeacon('POST', body)).toMatchObject({
        kind: 'refused',
        status: 400,
        message: '请求内容应为稿件的网址名',
      });
  });

  it('accepts exactly the slugs the editor makes', () => {
    expect(BEACON_SLUG.source).toBe(SLUG_PATTERN.source);
  });
});
