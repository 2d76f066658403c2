'use client';

// Signing out of the newsroom also removes this browser's local copies of co-edited stories (a shared
// newsroom computer must not keep one reporter's text for the next person). Copies whose typing the
// server has confirmed go without asking; if any story (in any tab, or a tab closed offline) still has
// typing the server has not confirmed, the person is asked first, and staying is the default.
// Mounted on every newsroom page, it also removes another account's copies right after sign-in and
// sends this tab to the sign-in page when another tab signs out.
import { signOut } from 'next-auth/react';
import { useEffect, useRef, useState } from 'react';

import { buttonClass } from '@/components/ui/button-class';
import {
  announceSignedOut,
  claimCopiesFor,
  discardAllCopies,
  onSignOut,
  unconfirmedArticleCount,
} from '@/lib/collab/local-copies';

// A full page load that replaces the newsroom page in the history: nothing of it stays in memory.
const SIGN_IN_PAGE = '/login';

export function SignOutButton({ userId }: { userId: string }) {
  const [unsaved, setUnsaved] = useState(0);
  const [leaving, setLeaving] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void claimCopiesFor(userId);
    return onSignOut('signed-out', (fromThisTab) => {
      if (!fromThisTab) window.location.replace(SIGN_IN_PAGE);
    });
  }, [userId]);

  async function leave() {
    setLeaving(true);
    dialog.current?.close();
    await discardAllCopies().catch(() => undefined);
    // Offline, the sign-out request fails; the copies are gone already and the sign-in page follows.
    await signOut({ redirect: false }).catch(() => undefined);
    announceSignedOut();
    window.location.replace(SIGN_IN_PAGE);
  }

  function ask() {
    const count = unconfirmedArticleCount();
    if (count === 0) {
      void leave();
      return;
    }
    setUnsaved(count);
    dialog.current?.showModal();
    stay.current?.focus();
  }

  return (
    <>
      <button type="button" onClick={ask} disabled={leaving} className="underline-offset-2 hover:underline">
        {leaving ? '正在退出…' : '退出登录'}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="sign-out-title"
        aria-describedby="sign-out-text"
        className="m-auto max-w-md rounded border border-stone-300 bg-white p-5 text-stone-900 backdrop:bg-black/40 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      >
        <h2 id="sign-out-title" className="text-lg font-bold">
          还有修改未保存
        </h2>
        <p id="sign-out-text" className="mt-2 text-sm" data-testid="sign-out-unsaved">
          {unsaved}{' '}
          篇稿件的修改尚未保存到服务器。现在退出，这些修改将从这台电脑上删除，无法找回。联网后修改会自动保存，看到“已保存”再退出即可。
        </p>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          {/* Staying comes first and has the focus: Enter or Esc keeps the typing. */}
          <button ref={stay} type="button" className={buttonClass()} onClick={() => dialog.current?.close()}>
            留在本页，等待保存
          </button>
          <button type="button" className={buttonClass('danger')} onClick={() => void leave()}>
            仍然退出，放弃这些修改
          </button>
        </div>
      </dialog>
    </>
  );
}
