import { describe, expect, it } from 'vitest';

import { wechatErrorMessage } from './errors';
import { failureMessage } from './push';
import { WechatError } from './token-cache';

describe('WeChat errors as the story page says them', () => {
  it.each([
    [40125, 'AppSecret 不正确'],
    [40001, '核对公众号的 AppID 和 AppSecret'],
    [40164, 'IP 白名单'],
    [40009, '图片超过微信的大小限制'],
    [45009, '每日上限'],
    [45002, '长度限制'],
    [48001, '没有这个接口的权限'],
  ])('%i → %s', (errcode, words) => {
    const message = wechatErrorMessage(errcode, 'english errmsg');
    expect(message).toContain(words);
    expect(message).not.toContain('english errmsg');
  });

  it('names an unknown code with WeChat’s own words, cut short', () => {
    expect(wechatErrorMessage(61451, 'invalid parameter')).toBe('微信返回错误 61451（invalid parameter）');
    expect(wechatErrorMessage(61451, 'x'.repeat(500)).length).toBeLessThan(160);
  });

  it('says a timeout and an unreachable server apart, and leaves a bug alone', () => {
    expect(failureMessage(new WechatError(45009, 'quota'))).toContain('每日上限');
    expect(failureMessage(new DOMException('signal timed out', 'TimeoutError'))).toContain('超时');
    expect(failureMessage(new TypeError('fetch failed'))).toContain('连接不上微信服务器');
    expect(failureMessage(new RangeError('bug'))).toBeNull();
  });
});
