'use client';

// Runs a layout change on the server, then refreshes the planner; says what happened (or what went
// wrong) in a live region so keyboard and screen-reader users hear the result of a move.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

import type { ActionResult } from '@/lib/actions/result';
import { placeArticleAction, removeFromIssueAction, setContinuationAction } from '@/lib/issues/actions';

export type PlannerIds = { issueId: string; issueNumber: number };

export function usePlannerActions(ids: PlannerIds) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function run(work: () => Promise<ActionResult>, done: string) {
    startTransition(async () => {
      const result = await work();
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error });
      if (result.ok) router.refresh();
    });
  }

  return {
    pending,
    message,
    place: (articleId: string, page: number, position: number | undefined, done: string) =>
      run(() => placeArticleAction({ ...ids, articleId, page, position }), done),
    remove: (articleId: string, done: string) => run(() => removeFromIssueAction({ ...ids, articleId }), done),
    continueOn: (articleId: string, page: number | null, done: string) =>
      run(() => setContinuationAction({ ...ids, articleId, page }), done),
  };
}

export type PlannerActions = ReturnType<typeof usePlannerActions>;
