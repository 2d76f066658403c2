'use client';

// On the sign-in page (signed out, or the session ran out): local story copies the server has confirmed
// are removed; copies with unconfirmed typing stay for their owner, and the page says what happens to
// them (signing in as someone else removes them: lib/collab/local-copies.ts, claimCopiesFor).
import { useEffect, useState } from 'react';

import { dropConfirmedCopies } from '@/lib/collab/local-copies';

export function LoginLocalCopies() {
  const [unsaved, setUnsaved] = useState(0);
  useEffect(() => {
    let current = true;
    void dropConfirmedCopies().then((count) => {
      if (current) setUnsaved(count);
    });
    return () => {
      current = false;
    };
  }, []);
  if (unsaved === 0) return null;
  return (
    <p
      role="status"
      data-testid="login-unsaved-copies"
      className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      这台电脑上还有 {unsaved}{' '}
      篇稿件的修改尚未保存到服务器。用原来的账号登录并打开稿件即可继续保存；用其他账号登录，这些修改将从这台电脑上删除。
    </p>
  );
}
