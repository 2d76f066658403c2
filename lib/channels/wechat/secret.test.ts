import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { BAD_KEY_MESSAGE, channelKey, MISSING_KEY_MESSAGE, openSecret, sealSecret, UNREADABLE_MESSAGE } from './secret';

const hexKey = crypto.randomBytes(32).toString('hex');
const secret = '0123456789abcdef0123456789abcdef';

describe('the sealed AppSecret', () => {
  it('reads the key as 64 hex digits or base64 of 32 bytes, and refuses a missing or short key in Chinese', () => {
    expect(channelKey({ CHANNEL_SECRET_KEY: hexKey })).toEqual(Buffer.from(hexKey, 'hex'));
    const base64 = crypto.randomBytes(32).toString('base64');
    expect(channelKey({ CHANNEL_SECRET_KEY: base64 })).toEqual(Buffer.from(base64, 'base64'));
    expect(() => channelKey({})).toThrow(MISSING_KEY_MESSAGE);
    expect(() => channelKey({ CHANNEL_SECRET_KEY: '  ' })).toThrow(MISSING_KEY_MESSAGE);
    expect(() => channelKey({ CHANNEL_SECRET_KEY: 'abcd' })).toThrow(BAD_KEY_MESSAGE);
  });

  it('round-trips, never stores the secret in clear and uses a fresh IV each time', () => {
    const key = channelKey({ CHANNEL_SECRET_KEY: hexKey });
    const a = sealSecret(secret, 'wx1', key);
    const b = sealSecret(secret, 'wx1', key);
    expect(a).not.toContain(secret);
    expect(a).not.toContain(Buffer.from(secret).toString('base64url'));
    expect(a).not.toBe(b);
    expect(a.startsWith('v1:')).toBe(true);
    expect(openSecret(a, 'wx1', key)).toBe(secret);
    expect(openSecret(b, 'wx1', key)).toBe(secret);
  });

  it('does not open under another key, another AppID, or after tampering', () => {
    const key = channelKey({ CHANNEL_SECRET_KEY: hexKey });
    const sealed = sealSecret(secret, 'wx1', key);
    expect(() => openSecret(sealed, 'wx1', crypto.randomBytes(32))).toThrow(UNREADABLE_MESSAGE);
    expect(() => openSecret(sealed, 'wx2', key)).toThrow(UNREADABLE_MESSAGE);
    const parts = sealed.split(':');
    const data = Buffer.from(parts[3]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[3] = data.toString('base64url');
    expect(() => openSecret(parts.join(':'), 'wx1', key)).toThrow(UNREADABLE_MESSAGE);
    expect(() => openSecret('garbage', 'wx1', key)).toThrow(UNREADABLE_MESSAGE);
  });
});
