'use client';
// "正在由 某某 编辑": a heartbeat while the story is open, who else has it open, and leaving on close.
import { useEffect, useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';

export const HEARTBEAT_MS = 15_000;

type Presence = {
  heartbeat: (articleId: string) => Promise<ActionResult<{ others: { name: string }[] }>>;
  leave: (articleId: string) => Promise<ActionResult>;
};

export function usePresence(storyId: string, initial: { name: string }[], actions: Presence): { name: string }[] {
  const [others, setOthers] = useState(initial);
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const result = await actions.heartbeat(storyId).catch(() => null);
      if (!stopped && result?.ok) setOthers(result.others);
    };
    void beat();
    const interval = setInterval(beat, HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearInterval(interval);
      void actions.leave(storyId);
    };
  }, [actions, storyId]);
  return others;
}
