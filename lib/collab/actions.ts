'use server';

// The co-editing side's server action: 恢复此版本 from 历史版本 (restore-revision.ts).
import { guarded, type ActionResult } from '../actions/result';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { restoreRevisionShared } from './restore-revision';

export type RestoreResult = ActionResult<{ version: number; savedAt: string; slug: string }>;

export async function restoreRevisionAction(
  articleId: string,
  revisionId: string,
  baseVersion: number,
): Promise<RestoreResult> {
  return guarded<RestoreResult>(async () => {
    const user = await requireUser('newsroom:enter');
    const outcome = await restoreRevisionShared(db, user, String(articleId), String(revisionId), Number(baseVersion));
    if (!outcome.ok) return { ok: false, error: `${outcome.conflict.savedBy} 刚保存了新版本，请刷新后再恢复` };
    return { ok: true, version: outcome.version, savedAt: outcome.savedAt, slug: outcome.slug };
  });
}
