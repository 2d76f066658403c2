'use client';

// 审校词库 in the browser: fetched once per version of the lists (app/api/newsroom/proofing-lists, which the
// browser keeps for good) and compiled once per page. Null until it is there, or when it could not be
// fetched: the page then checks nothing, and the server's check at 提交审核 and each sign-off still stands.
import { useEffect, useState } from 'react';

import { ProofingLists } from '@/lib/proofing/check';
import { decodeLists } from '@/lib/proofing/list-wire';

const LISTS_PATH = '/api/newsroom/proofing-lists';

export function useProofingLists(version: string | null): ProofingLists | null {
  const [lists, setLists] = useState<ProofingLists | null>(null);
  useEffect(() => {
    if (!version) return;
    let live = true;
    void fetch(`${LISTS_PATH}/${encodeURIComponent(version)}`, { credentials: 'same-origin' })
      .then(async (response) => (response.ok ? decodeLists(await response.json()) : null))
      .catch(() => null)
      .then((entries) => {
        if (live && entries) setLists(new ProofingLists(entries));
      });
    return () => {
      live = false;
    };
  }, [version]);
  return lists;
}
