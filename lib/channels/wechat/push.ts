// 推送到草稿箱, 发布 and its result, for one story on the 公众号. What is pushed is what the website's
// readers get (the published copy, rendered by wechat-html.ts without its head lines: draft/add has
// its own title and author). Nothing is half-sent: every image is read and converted before the first
// call; the body's images go up first, then the cover, then the draft; when the draft is refused the
// cover is taken back (del_material), so a failure leaves no draft and no cover behind. (The body's
// images from media/uploadimg are bare URLs on WeChat's CDN with no API to delete them; they are not
// listed anywhere in the 公众号.) Every outcome is a ChannelSend record with its audit event.
import type { Actor } from '../../access/actor';
import { UserFacingError } from '../../actions/result';
import { parseDoc } from '../../content/types';
import type { Db } from '../../db-client';
import { readArticle } from '../../reader/article';
import { GATE_FIELDS, sendBlocker } from '../rules';
import { recordFailure, recordSend } from '../service';
import { wechatArticle } from '../wechat-html';
import type { PublishState, WechatClient } from './client';
import { wechatErrorMessage } from './errors';
import { CONTENT_IMAGE_LIMIT, COVER_IMAGE_LIMIT, loadWechatImage } from './images';
import { WechatError } from './token-cache';

export type WechatApi = Pick<
  WechatClient,
  'uploadContentImage' | 'addCover' | 'deleteMaterial' | 'addDraft' | 'submitPublish' | 'publishState'
>;

export const NO_COVER_MESSAGE = '稿件没有封面图：公众号图文必须有封面。请在编辑页设置封面图，重新签发发布后再推送';

/** What the story page says for a failed call: WeChat's errcode in Chinese, or the connection's failure. */
export function failureMessage(error: unknown): string | null {
  if (error instanceof WechatError) return wechatErrorMessage(error.errcode, error.errmsg);
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return '微信服务器没有及时应答（超时）：请稍后重试';
  if (error instanceof TypeError) return '连接不上微信服务器（网络不通或 WECHAT_API_BASE 设置有误）：请稍后重试';
  return null;
}

/** Runs WeChat's part; a refusal is recorded as the channel's failure and comes back as the page's message. */
async function onWechat<T>(db: Db, actor: Pick<Actor, 'id'>, articleId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const reason = failureMessage(error);
    if (!reason) throw error;
    await recordFailure(db, actor, { articleId, channel: 'WECHAT', reason });
    throw new UserFacingError(reason);
  }
}

// One push per story at a time in this process: a second click while the first is uploading would
// make a second draft.
const pushing = new Set<string>();

export type PushDeps = { api: WechatApi; mediaDir: string; site: string };

/** 推送到草稿箱: the draft's media_id. */
export async function pushWechatDraft(
  db: Db,
  actor: Pick<Actor, 'id'>,
  articleId: string,
  deps: PushDeps,
  now = new Date(),
): Promise<{ draftId: string }> {
  if (pushing.has(articleId)) throw new UserFacingError('这篇稿件正在推送，请稍候');
  pushing.add(articleId);
  try {
    const article = await db.article.findUnique({
      where: { id: articleId },
      select: { id: true, slug: true, ...GATE_FIELDS, liveRevision: { select: { id: true, body: true } } },
    });
    if (!article) throw new UserFacingError('稿件不存在或已移入回收站');
    const blocker = sendBlocker(article, now);
    if (blocker) throw new UserFacingError(blocker);
    const lookup = await readArticle(db, article.slug, now);
    if (lookup.kind !== 'visible' || !article.liveRevision) throw new UserFacingError('读者还看不到这篇稿件');
    const view = lookup.article;
    if (!view.cover) throw new UserFacingError(NO_COVER_MESSAGE);
    const rendered = wechatArticle(view, parseDoc(article.liveRevision.body), deps.site, { withHead: false });
    // Everything converted before anything is sent.
    const [cover, ...images] = await Promise.all([
      loadWechatImage(view.cover.large, deps.mediaDir, COVER_IMAGE_LIMIT, '封面图'),
      ...rendered.images.map((src, index) =>
        loadWechatImage(src, deps.mediaDir, CONTENT_IMAGE_LIMIT, `正文第 ${index + 1} 张图片`),
      ),
    ]);
    const draftId = await onWechat(db, actor, article.id, async () => {
      const urls = await Promise.all(images.map((image) => deps.api.uploadContentImage(image!)));
      let content = rendered.html;
      rendered.images.forEach((src, index) => {
        content = content.replaceAll(`src="${escapeAttr(src)}"`, `src="${escapeAttr(urls[index]!)}"`);
      });
      const thumb = await deps.api.addCover(cover!);
      try {
        return await deps.api.addDraft({
          title: view.headline,
          author: (view.byline ?? view.authors.map((author) => author.name).join(' ')).slice(0, 16),
          digest: (view.summary ?? view.teaser).slice(0, 120),
          content,
          contentSourceUrl: rendered.sourceUrl,
          thumbMediaId: thumb.mediaId,
        });
      } catch (error) {
        // No draft: the cover goes too. If taking it back fails, the draft's own error is the one to report.
        await deps.api.deleteMaterial(thumb.mediaId).catch(() => undefined);
        throw error;
      }
    });
    await recordSend(db, actor, {
      articleId: article.id,
      channel: 'WECHAT',
      status: 'DRAFT',
      remoteId: draftId,
      remoteUrl: null,
      revisionId: article.liveRevision.id,
    });
    return { draftId };
  } finally {
    pushing.delete(articleId);
  }
}

async function wechatRecord(db: Db, articleId: string) {
  const [article, record] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: GATE_FIELDS }),
    db.channelSend.findUnique({
      where: { articleId_channel: { articleId, channel: 'WECHAT' } },
      select: { status: true, remoteId: true, revisionId: true },
    }),
  ]);
  if (!article) throw new UserFacingError('稿件不存在或已移入回收站');
  return { article, record };
}

/** 发布 (the chief editor's step): submits the draft in the draft box; the result comes later (pollWechatPublish). */
export async function publishWechatDraft(
  db: Db,
  actor: Pick<Actor, 'id'>,
  articleId: string,
  api: WechatApi,
  now = new Date(),
): Promise<{ publishId: string }> {
  const { article, record } = await wechatRecord(db, articleId);
  const blocker = sendBlocker(article, now);
  if (blocker) throw new UserFacingError(blocker);
  if (!record || record.status !== 'DRAFT' || !record.remoteId)
    throw new UserFacingError('草稿箱里还没有这篇稿件：请先推送到草稿箱');
  if (record.revisionId !== article.liveRevisionId)
    throw new UserFacingError('网站上的版本比草稿箱里的新：请先重新推送到草稿箱，再发布');
  const draftId = record.remoteId;
  const publishId = await onWechat(db, actor, articleId, () => api.submitPublish(draftId));
  await recordSend(db, actor, {
    articleId,
    channel: 'WECHAT',
    status: 'PUBLISHING',
    remoteId: publishId,
    remoteUrl: null,
    revisionId: record.revisionId,
  });
  return { publishId };
}

/** Asks WeChat how the 发布 went (freepublish/get) and records a final answer; 'publishing' changes nothing. */
export async function pollWechatPublish(
  db: Db,
  actor: Pick<Actor, 'id'>,
  articleId: string,
  api: WechatApi,
): Promise<PublishState['state'] | 'idle'> {
  const { record } = await wechatRecord(db, articleId);
  if (!record || record.status !== 'PUBLISHING' || !record.remoteId) return 'idle';
  const publishId = record.remoteId;
  // A failed question is not a failed 发布: WeChat may still be publishing, so nothing is recorded.
  const state = await api.publishState(publishId).catch((error: unknown) => {
    const reason = failureMessage(error);
    throw reason ? new UserFacingError(`查询发布结果失败：${reason}`) : error;
  });
  if (state.state === 'published')
    await recordSend(db, actor, {
      articleId,
      channel: 'WECHAT',
      status: 'SENT',
      remoteId: state.articleId || publishId,
      remoteUrl: state.url,
      revisionId: record.revisionId,
    });
  else if (state.state === 'failed')
    await recordFailure(db, actor, { articleId, channel: 'WECHAT', reason: state.reason });
  return state.state;
}

function escapeAttr(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
