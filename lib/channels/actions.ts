'use server';

// Channel steps on one story (the story page's 渠道 panel). Thin: capability, input, service.
import { revalidatePath } from 'next/cache';

import { formText } from '../actions/form-fields';
import { guarded, UserFacingError, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import type { Channel } from '../generated/prisma/enums';
import { checkRemoteRef, isChannel } from './rules';
import { recordSend, recordWithdrawal } from './service';

function channelOf(form: FormData): Channel {
  const channel = formText(form, 'channel');
  if (!isChannel(channel)) throw new UserFacingError('没有这个渠道');
  return channel;
}

function refresh(articleId: string) {
  revalidatePath(`/newsroom/articles/${articleId}`);
  revalidatePath('/newsroom');
}

/** 记录已发送: the desk posted the story on the channel by hand and records the link or id it got. */
export async function recordSendAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('channel:send');
    const articleId = formText(form, 'articleId');
    const channel = channelOf(form);
    const ref = checkRemoteRef(formText(form, 'ref'));
    if (typeof ref === 'string') return { ok: false, error: ref };
    await recordSend(db, actor, { articleId, channel, status: 'SENT', ...ref });
    refresh(articleId);
    return { ok: true };
  });
}

/** 记录已撤回: after a retraction, the desk took the story down on the channel. */
export async function recordWithdrawalAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('channel:send');
    const articleId = formText(form, 'articleId');
    await recordWithdrawal(db, actor, { articleId, channel: channelOf(form) });
    refresh(articleId);
    return { ok: true };
  });
}
