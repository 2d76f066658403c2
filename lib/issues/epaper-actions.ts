'use server';

// 版面 (page PDF) actions: remove a page's PDF, correct its story areas, find them again, and publish
// a page's draft to readers. Uploads go through app/api/newsroom/epaper (a streamed route handler).
import { revalidatePath } from 'next/cache';

import { guarded, UserFacingError, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { resolveMediaDir } from '../config/media-dir';
import { db } from '../db';
import { redetectAreas } from '../epaper/jobs';
import { publishPage, removePdf, saveAreas } from '../epaper/service';
import { revalidatePublic } from '../reader/revalidate';

type PageInput = { issueId: string; issueNumber: number; page: number };

function valid(input: PageInput): boolean {
  return typeof input?.issueId === 'string' && Number.isInteger(input.page) && Number.isInteger(input.issueNumber);
}

function refresh(issueNumber: number): void {
  revalidatePath(`/newsroom/issues/${issueNumber}`, 'layout');
}

export async function removePagePdfAction(input: PageInput): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('issue:plan');
    if (!valid(input)) return { ok: false, error: '请求无效' };
    await removePdf(db, actor, input.issueId, input.page, resolveMediaDir(process.env));
    refresh(input.issueNumber);
    return { ok: true };
  });
}

export async function saveAreasAction(input: PageInput & { areas: unknown }): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('issue:plan');
    if (!valid(input)) return { ok: false, error: '请求无效' };
    await saveAreas(db, actor, input.issueId, input.page, input.areas);
    refresh(input.issueNumber);
    return { ok: true };
  });
}

export async function redetectAreasAction(input: PageInput): Promise<ActionResult<{ found: number }>> {
  return guarded(async () => {
    await requireUser('issue:plan');
    if (!valid(input)) return { ok: false, error: '请求无效' };
    const draft = await db.epaperScan.findFirst({
      where: { stage: 'draft', status: 'READY', page: { issueId: input.issueId, number: input.page } },
      select: { id: true, hasText: true },
    });
    if (!draft) throw new UserFacingError(`第${input.page}版还没有生成好的版面图片`);
    if (!draft.hasText) throw new UserFacingError('这一版的 PDF 没有文字层，无法自动识别稿件区域，请手动画出');
    const found = await redetectAreas(db, resolveMediaDir(process.env), draft.id);
    refresh(input.issueNumber);
    return { ok: true as const, found };
  });
}

export async function publishPagePdfAction(input: PageInput): Promise<ActionResult> {
  return guarded(async () => {
    const actor = await requireUser('issue:publish');
    if (!valid(input)) return { ok: false, error: '请求无效' };
    const issue = await db.issue.findUnique({ where: { id: input.issueId }, select: { status: true } });
    if (!issue) throw new UserFacingError('找不到这一期');
    if (issue.status !== 'PUBLISHED') throw new UserFacingError('这一期还没有发布：版面会随整期一起发布');
    await publishPage(db, actor, input.issueId, input.page, resolveMediaDir(process.env));
    refresh(input.issueNumber);
    revalidatePublic();
    return { ok: true };
  });
}
