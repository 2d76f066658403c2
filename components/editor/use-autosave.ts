'use client';
// Connects the Autosave controller (autosave.ts) to the editor component: its status as React state,
// the latest snapshot function, and a warning before leaving with unsaved text.
import { useEffect, useState } from 'react';
import type { ArticleInput } from '@/lib/articles/schemas';
import type { SaveResult } from '@/lib/articles/actions';
import { Autosave, type Conflict, type SaveStatus } from './autosave';
import { clearLocalDraft, writeLocalDraft } from './local-draft';

type Options = {
  storyId: string;
  version: number;
  savedAt: string;
  save: (articleId: string, baseVersion: number, input: ArticleInput, manual?: boolean) => Promise<SaveResult>;
  snapshot: () => ArticleInput;
  onSaved: (saved: { slug: string }) => void;
  onConflict: (conflict: Conflict) => void;
};

export function useAutosave(options: Options): { autosave: Autosave; status: SaveStatus } {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: options.savedAt });
  const [autosave] = useState(
    () =>
      new Autosave({
        storyId: options.storyId,
        version: options.version,
        savedAt: options.savedAt,
        snapshot: options.snapshot,
        save: (id, base, input, manual) => options.save(id, base, input, manual),
        local: { write: writeLocalDraft, clear: clearLocalDraft },
        setTimer: (run, ms) => setTimeout(run, ms),
        clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
        now: () => new Date(),
        onStatus: setStatus,
        onSaved: options.onSaved,
        onConflict: options.onConflict,
      }),
  );
  // Callbacks change every render; the controller, made once, always calls the newest.
  useEffect(() => {
    autosave.configure({
      snapshot: options.snapshot,
      save: (id, base, input, manual) => options.save(id, base, input, manual),
      onSaved: options.onSaved,
      onConflict: options.onConflict,
    });
  });

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (autosave.unsafeToLeave) {
        event.preventDefault();
        event.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [autosave]);

  return { autosave, status };
}
