// The 公众号 copy of one story for the newsroom's 复制到公众号 page: the published copy readers get
// (never the working copy), rendered by wechat-html.ts with the website's absolute addresses.
import 'server-only';

import { notFound } from 'next/navigation';

import { requireArticleAccess } from '../access/article-access';
import { UserFacingError } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { parseDoc } from '../content/types';
import { db } from '../db';
import { findPublication } from '../publication/lookup';
import { readArticle } from '../reader/article';
import { siteUrl } from '../reader/site-url';
import { GATE_FIELDS, sendBlocker } from './rules';
import { wechatArticle, type WechatArticle } from './wechat-html';
import { channelKey } from './wechat/secret';

export type WechatCopy =
  { kind: 'blocked'; headline: string; reason: string } | ({ kind: 'ready'; headline: string } & WechatArticle);

export async function getWechatCopy(articleId: string, now = new Date()): Promise<WechatCopy> {
  const user = await requireUser('channel:send');
  const found = await db.article.findUnique({
    where: { id: articleId },
    select: {
      slug: true,
      headline: true,
      ...GATE_FIELDS,
      liveRevision: { select: { body: true } },
    },
  });
  const article = requireArticleAccess(user, found, 'read', notFound);
  const blocker = sendBlocker(article, now);
  const lookup = blocker ? null : await readArticle(db, article.slug, now);
  if (blocker || !article.liveRevision || lookup?.kind !== 'visible')
    return { kind: 'blocked', headline: article.headline, reason: blocker ?? '读者还看不到这篇稿件' };
  return {
    kind: 'ready',
    headline: lookup.article.headline,
    ...wechatArticle(lookup.article, parseDoc(article.liveRevision.body), siteUrl()),
  };
}

/**
 * 报刊设置's 公众号接口 form: the saved AppID and whether an AppSecret is saved (never the secret), and
 * why it cannot be saved here when CHANNEL_SECRET_KEY is missing or malformed.
 */
export async function getWechatSettings() {
  await requireUser('settings:edit');
  const publication = await findPublication(db, { wechatAppId: true, wechatSecretSealed: true });
  let keyProblem: string | null = null;
  try {
    channelKey();
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    keyProblem = error.message;
  }
  return {
    appId: publication?.wechatAppId ?? '',
    secretSaved: Boolean(publication?.wechatSecretSealed),
    keyProblem,
  };
}
