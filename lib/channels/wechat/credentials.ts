// The 公众号's AppID and AppSecret under 报刊设置: checked, the secret sealed before it is stored
// (secret.ts) and never read back to a page; the audit event says that the secret changed, not what it is.
// And the one client per set of credentials this process keeps, so every send shares one token cache.
import crypto from 'node:crypto';
import { z } from 'zod';

import type { Actor } from '../../access/actor';
import { UserFacingError } from '../../actions/result';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db-client';
import { requirePublication } from '../../publication/lookup';
import { WECHAT_API_BASE, WechatClient } from './client';
import { channelKey, openSecret, sealSecret } from './secret';

// WeChat's AppIDs are "wx" and 16 letters or digits; AppSecrets 32 letters or digits (公众号后台 → 基本配置).
export const wechatCredentialsSchema = z.object({
  appId: z
    .string()
    .trim()
    .regex(/^wx[0-9a-zA-Z]{16}$/, 'AppID 应为 wx 开头的 18 位字母和数字（公众号后台“设置与开发 → 基本配置”）'),
  secret: z
    .string()
    .trim()
    .regex(/^([0-9a-zA-Z]{32})?$/, 'AppSecret 应为 32 位字母和数字'),
});

export type WechatCredentialsInput = z.infer<typeof wechatCredentialsSchema>;

export type WechatSettings = { appId: string | null; secretSaved: boolean };

/**
 * Saves the AppID and, when given, a new AppSecret (empty keeps the saved one). A new AppID needs its
 * AppSecret: the saved one belongs to the old app (and is sealed to its AppID).
 */
export async function saveWechatCredentials(
  db: Db,
  actor: Pick<Actor, 'id'>,
  input: WechatCredentialsInput,
  env: Record<string, string | undefined> = process.env,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const current = await requirePublication(tx, { id: true, wechatAppId: true, wechatSecretSealed: true });
    const appIdChanged = current.wechatAppId !== input.appId;
    if (!input.secret && (appIdChanged || !current.wechatSecretSealed))
      throw new UserFacingError('请填写这个 AppID 的 AppSecret', { secret: '请填写 AppSecret' });
    if (!input.secret && !appIdChanged) return false;
    const sealed = sealSecret(input.secret, input.appId, channelKey(env));
    await tx.publication.update({
      where: { id: current.id },
      data: { wechatAppId: input.appId, wechatSecretSealed: sealed },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.wechat',
      subjectType: 'Publication',
      subjectId: current.id,
      details: { appId: { from: current.wechatAppId, to: input.appId }, secret: '已更换（不记录内容）' },
    });
    dropClients();
    return true;
  });
}

const clients = new Map<string, WechatClient>();

function dropClients(): void {
  clients.clear();
}

/** The API base: WeChat's, or WECHAT_API_BASE (the local double in tests, a proxy in front of WeChat). */
export function wechatApiBase(env: Record<string, string | undefined> = process.env): string {
  return env.WECHAT_API_BASE?.trim() || WECHAT_API_BASE;
}

/**
 * The client for the saved credentials, kept for the life of the process (its token cache with it: one
 * token for every send, one refresh at a time). Refuses in Chinese when nothing is saved or the key is missing.
 */
export async function wechatClient(
  db: Db,
  env: Record<string, string | undefined> = process.env,
): Promise<WechatClient> {
  const publication = await requirePublication(db, { wechatAppId: true, wechatSecretSealed: true });
  if (!publication.wechatAppId || !publication.wechatSecretSealed)
    throw new UserFacingError('还没有填写公众号的 AppID 和 AppSecret：请管理员在报刊设置中填写后再推送');
  const base = wechatApiBase(env);
  const name = crypto
    .createHash('sha256')
    .update(`${base}\n${publication.wechatAppId}\n${publication.wechatSecretSealed}`)
    .digest('hex');
  const kept = clients.get(name);
  if (kept) return kept;
  const secret = openSecret(publication.wechatSecretSealed, publication.wechatAppId, channelKey(env));
  const client = new WechatClient({ appId: publication.wechatAppId, secret }, { base });
  clients.set(name, client);
  return client;
}
