import { describe, expect, it } from 'vitest';

import { SLUG_PATTERN } from '../articles/slug';
import { BEACON_SLUG, judgeBeacon } from './beacon';

describe('judgeBeacon', () => {
  it('takes a POST whose body is a slug', () => {
    expect(judgeBeacon('POST', 'kecheng-kou-dai-gong-yuan\n')).toEqual({
      kind: 'read',
      slug: 'kecheng-kou-dai-gong-yuan',
    });
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
