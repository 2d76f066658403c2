// A copy of unsaved work in the browser, so a crash or a closed tab loses nothing.
// Signing out removes it with the co-editing copies (lib/collab/local-copies.ts), asking first.
import type { ArticleInput } from '@/lib/articles/schemas';
import { autosaveDraftKey } from '@/lib/collab/local-copy-rules';

export type LocalDraft = { baseVersion: number; at: string; input: ArticleInput };

const key = autosaveDraftKey;

export function readLocalDraft(articleId: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(articleId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(articleId: string, draft: LocalDraft): void {
  try {
    window.localStorage.setItem(key(articleId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the server save still runs.
  }
}

export function clearLocalDraft(articleId: string): void {
  try {
    window.localStorage.removeItem(key(articleId));
  } catch {
    // nothing to do
  }
}
