import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { channelNewsroom } from '../../../test/support/channels';
import { openTestDatabase } from '../../../test/support/database';
import { makeActor } from '../../../test/support/users';
import type { Actor } from '../../access/actor';
import { saveWechatCredentials, wechatClient, wechatCredentialsSchema } from './credentials';
import { MISSING_KEY_MESSAGE, UNREADABLE_MESSAGE } from './secret';

const db = openTestDatabase();
const env = { CHANNEL_SECRET_KEY: crypto.randomBytes(32).toString('hex') };
const secret = 'abcdef0123456789abcdef0123456789';
let admin: Actor;

beforeAll(async () => {
  await channelNewsroom(db);
  admin = await makeActor(db, 'ADMIN');
});
afterAll(() => db.$disconnect());

const saved = () => db.publication.findFirstOrThrow({ select: { wechatAppId: true, wechatSecretSealed: true } });

describe('the 公众号 AppID and AppSecret under 报刊设置', () => {
  it('checks their shape in Chinese', () => {
    expect(wechatCredentialsSchema.safeParse({ appId: 'wx0123456789abcdef', secret }).success).toBe(true);
    expect(wechatCredentialsSchema.safeParse({ appId: 'wx0123456789abcdef', secret: '' }).success).toBe(true);
    const bad = wechatCredentialsSchema.safeParse({ appId: 'gh_123', secret: 'short' });
    expect(bad.error?.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('AppID 应为 wx 开头'),
      'AppSecret 应为 32 位字母和数字',
    ]);
  });

  it('refuses without CHANNEL_SECRET_KEY, changing nothing', async () => {
    await expect(saveWechatCredentials(db, admin, { appId: 'wx0123456789abcdef', secret }, {})).rejects.toThrow(
      MISSING_KEY_MESSAGE,
    );
    expect(await saved()).toEqual({ wechatAppId: null, wechatSecretSealed: null });
  });

  it('stores the AppSecret sealed, audits that it changed but never what it is, and keeps it when left empty', async () => {
    expect(await saveWechatCredentials(db, admin, { appId: 'wx0123456789abcdef', secret }, env)).toBe(true);
    const row = await saved();
    expect(row.wechatAppId).toBe('wx0123456789abcdef');
    expect(row.wechatSecretSealed).not.toContain(secret);
    const events = await db.auditEvent.findMany({ where: { action: 'settings.wechat' } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(secret);
    expect(await saveWechatCredentials(db, admin, { appId: 'wx0123456789abcdef', secret: '' }, env)).toBe(false);
    expect((await saved()).wechatSecretSealed).toBe(row.wechatSecretSealed);
    // A new AppID needs its own AppSecret.
    await expect(saveWechatCredentials(db, admin, { appId: 'wxffffffffffffffff', secret: '' }, env)).rejects.toThrow(
      '请填写这个 AppID 的 AppSecret',
    );
    expect((await saved()).wechatAppId).toBe('wx0123456789abcdef');
  });

  it('opens the client with the saved AppSecret, and says so in Chinese when the key has changed', async () => {
    const client = await wechatClient(db, { ...env, WECHAT_API_BASE: 'http://127.0.0.1:9' });
    expect(client).toBe(await wechatClient(db, { ...env, WECHAT_API_BASE: 'http://127.0.0.1:9' }));
    await expect(
      wechatClient(db, {
        CHANNEL_SECRET_KEY: crypto.randomBytes(32).toString('hex'),
        WECHAT_API_BASE: 'http://127.0.0.1:10',
      }),
    ).rejects.toThrow(UNREADABLE_MESSAGE);
  });
});
