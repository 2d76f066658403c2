// The 公众号 AppSecret at rest: sealed with AES-256-GCM under CHANNEL_SECRET_KEY (32 bytes, from the
// environment, never in the database), so a copy of the database or a backup does not carry a usable
// secret. The AppID is the associated data: a sealed secret moved onto another AppID does not open.
// Pure (node:crypto only).
import crypto from 'node:crypto';

import { UserFacingError } from '../../actions/result';

export const KEY_VARIABLE = 'CHANNEL_SECRET_KEY';
const VERSION = 'v1';

export const MISSING_KEY_MESSAGE =
  '服务器没有设置 CHANNEL_SECRET_KEY（加密保存公众号 AppSecret 的密钥），所以不能保存或使用 AppSecret：请运维按 README“微信公众号”一节设置后重启服务';
export const BAD_KEY_MESSAGE =
  'CHANNEL_SECRET_KEY 格式不对：应为 32 字节的密钥，写成 64 位十六进制或 base64（openssl rand -hex 32 可生成）';
export const UNREADABLE_MESSAGE =
  '已保存的 AppSecret 无法解密（CHANNEL_SECRET_KEY 可能已更换）：请管理员在报刊设置中重新填写 AppSecret';

/** The 32-byte key from CHANNEL_SECRET_KEY (64 hex digits or base64), or a Chinese refusal. */
export function channelKey(env: Record<string, string | undefined> = process.env): Buffer {
  const value = env[KEY_VARIABLE]?.trim();
  if (!value) throw new UserFacingError(MISSING_KEY_MESSAGE);
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new UserFacingError(BAD_KEY_MESSAGE);
  return key;
}

/** `v1:<iv>:<tag>:<ciphertext>`, base64url parts; a fresh 12-byte IV each time. */
export function sealSecret(secret: string, appId: string, key: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(appId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join(':');
}

export function openSecret(sealed: string, appId: string, key: Buffer): string {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || data === undefined) throw new UserFacingError(UNREADABLE_MESSAGE);
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(appId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new UserFacingError(UNREADABLE_MESSAGE);
  }
}
