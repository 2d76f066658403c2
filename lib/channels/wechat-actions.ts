'use server';

// The 公众号 API steps: the AppID and AppSecret under 报刊设置, and on one story 推送到草稿箱, 发布
// (the chief editor's) and asking how the 发布 went. Thin: capability, input, service.
import { revalidatePath } from 'next/cache';

import { formText } from '../actions/form-fields';
import { fromZodError, guarded, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { resolveMediaDir } from '../config/media-dir';
import { db } from '../db';
import { siteUrl } from '../reader/site-url';
import { saveWechatCredentials, wechatClient, wechatCredentialsSchema } from './wechat/credentials';
import { pollWechatPublish, publishWechatDraft, pushWechatDraft } from './wechat/push';

function refresh(articleId: string) {
  revalidatePath(`/newsroom/articles/${articleId}`);
  revalidatePath('/newsroom');
}

/** 报刊设置 → 公众号接口: the AppID, and a new AppSecret (sealed; empty keeps the saved one). */
export async function updateWechatCredentialsAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('settings:edit');
    // The secret is read as typed (formText strips bidi controls from text; a secret is not text).
    const secret = form.get('secret');
    const parsed = wechatCredentialsSchema.safeParse({
      appId: formText(form, 'appId'),
      secret: typeof secret === 'string' ? secret : '',
    });
    if (!parsed.success) return fromZodError(parsed.error);
    await saveWechatCredentials(db, actor, parsed.data);
    revalidatePath('/newsroom/admin/settings');
    return { ok: true };
  });
}

/** 推送到草稿箱: the story's published copy, with its images, as a draft in the 公众号 draft box. */
export async function pushWechatDraftAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('channel:send');
    const articleId = formText(form, 'articleId');
    const api = await wechatClient(db);
    // Refreshed either way: a refusal from WeChat is recorded, and the panel shows it as the channel's state.
    await pushWechatDraft(db, actor, articleId, {
      api,
      mediaDir: resolveMediaDir(process.env),
      site: siteUrl(),
    }).finally(() => refresh(articleId));
    return { ok: true };
  });
}

/** 发布: submits the draft (freepublish); the chief editor's step. */
export async function publishWechatAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('channel:publish');
    const articleId = formText(form, 'articleId');
    await publishWechatDraft(db, actor, articleId, await wechatClient(db)).finally(() => refresh(articleId));
    return { ok: true };
  });
}

/** Asked every few seconds by the story page while a 发布 is under way; `state` is WeChat's answer. */
export async function pollWechatPublishAction(
  articleId: string,
): Promise<ActionResult<{ state: 'published' | 'publishing' | 'failed' | 'idle' }>> {
  return guarded(async () => {
    const actor = await requireUser('channel:send');
    const state = await pollWechatPublish(db, actor, String(articleId), await wechatClient(db));
    if (state !== 'publishing') refresh(String(articleId));
    return { ok: true, state };
  });
}
