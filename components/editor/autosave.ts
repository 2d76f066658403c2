// The editor's autosave, without React or a browser: the version the next save is based on, the
// debounce after each change, one save at a time (SaveQueue), the local copy against crashes, and
// what the status line says. The hook (use-autosave.ts) only connects it to the component's state,
// so this is where the rules live and where the unit tests look. A later co-editing transport can
// replace `save` without touching the fields, presence or image parts.
import type { ArticleInput } from '@/lib/articles/schemas';
import type { ConflictSnapshot, SaveResult } from '@/lib/articles/actions';
import { SaveQueue } from './save-queue';

export type SaveStatus = { kind: 'saved' | 'dirty' | 'saving' | 'error' | 'conflict'; at?: string; message?: string };
export type Conflict = { message: string; snapshot: ConflictSnapshot; mine: ArticleInput };

export type AutosaveDeps = {
  storyId: string;
  version: number;
  savedAt: string;
  /** The current text, read when a save starts (and for the local copy at each change). */
  snapshot: () => ArticleInput;
  save: (articleId: string, baseVersion: number, input: ArticleInput, manual: boolean) => Promise<SaveResult>;
  local: { write: (storyId: string, draft: { baseVersion: number; at: string; input: ArticleInput }) => void; clear: (storyId: string) => void };
  /** Timers, injectable for tests. */
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  now: () => Date;
  onStatus: (status: SaveStatus) => void;
  onSaved?: (saved: { slug: string }) => void;
  onConflict?: (conflict: Conflict) => void;
};

export const AUTOSAVE_MS = 2500;

export class Autosave {
  private versionValue: number;
  private changes = 0;
  private timer: unknown = null;
  private manual = false;
  private statusValue: SaveStatus;
  private readonly queue: SaveQueue;

  constructor(private deps: AutosaveDeps) {
    this.versionValue = deps.version;
    this.statusValue = { kind: 'saved', at: deps.savedAt };
    this.queue = new SaveQueue(() => this.run());
  }

  /** The component's newest callbacks (they change with every render; the controller stays). */
  configure(callbacks: Partial<Pick<AutosaveDeps, 'snapshot' | 'save' | 'onSaved' | 'onConflict'>>): void {
    this.deps = { ...this.deps, ...callbacks };
  }

  get version(): number {
    return this.versionValue;
  }

  get status(): SaveStatus {
    return this.statusValue;
  }

  /** Whether leaving the page now could lose text (unsaved, saving, failed or in conflict). */
  get unsafeToLeave(): boolean {
    return this.timer !== null || this.queue.busy || ['dirty', 'error', 'conflict'].includes(this.statusValue.kind);
  }

  /** A change: keep a local copy, say 未保存 (a conflict stays on screen), save after a pause. */
  changed(): void {
    this.changes += 1;
    if (this.statusValue.kind !== 'conflict') this.setStatus({ kind: 'dirty' });
    this.deps.local.write(this.deps.storyId, { baseVersion: this.versionValue, at: this.deps.now().toISOString(), input: this.deps.snapshot() });
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      void this.saveNow();
    }, AUTOSAVE_MS);
  }

  /** Leaving a field: save at once what waits for the pause. */
  async flush(): Promise<void> {
    if (this.timer === null) return;
    this.deps.clearTimer(this.timer);
    this.timer = null;
    await this.saveNow();
  }

  /** 立即保存 closes the rolling autosave revision on the server: the flag goes with the next save. */
  saveNow(manual = false): Promise<void> {
    if (manual) this.manual = true;
    return this.queue.request();
  }

  /** After a conflict or a restored local copy: the next save is based on this version. */
  rebase(version: number, status?: SaveStatus): void {
    this.versionValue = version;
    if (status) this.setStatus(status);
  }

  markDirty(): void {
    this.setStatus({ kind: 'dirty' });
  }

  private setStatus(status: SaveStatus): void {
    this.statusValue = status;
    this.deps.onStatus(status);
  }

  private async run(): Promise<void> {
    const input = this.deps.snapshot();
    const count = this.changes;
    const manual = this.manual;
    this.manual = false;
    this.setStatus({ kind: 'saving' });
    let result: SaveResult;
    try {
      result = await this.deps.save(this.deps.storyId, this.versionValue, input, manual);
    } catch {
      this.setStatus({ kind: 'error', message: '网络或服务器错误，内容已保存在本机，稍后会重试' });
      return;
    }
    if (result.ok) {
      this.versionValue = result.version;
      this.deps.onSaved?.({ slug: result.slug });
      // Changes made while the save was in flight are still unsaved.
      if (count === this.changes) {
        this.deps.local.clear(this.deps.storyId);
        this.setStatus({ kind: 'saved', at: result.savedAt });
      } else {
        this.setStatus({ kind: 'dirty' });
      }
    } else if ('conflict' in result) {
      this.deps.onConflict?.({ message: result.error, snapshot: result.conflict, mine: input });
      this.setStatus({ kind: 'conflict', message: result.error });
    } else {
      const details = Object.values(result.fieldErrors ?? {}).join('；');
      this.setStatus({ kind: 'error', message: details ? `${result.error}：${details}` : result.error });
    }
  }
}

/** The status line's words. */
export function statusText(status: SaveStatus, time: (iso: string) => string): string {
  switch (status.kind) {
    case 'saved': return `已保存 ${status.at ? time(status.at) : ''}`;
    case 'saving': return '正在保存…';
    case 'dirty': return '未保存';
    case 'conflict': return '保存冲突';
    default: return `保存失败：${status.message ?? ''}`;
  }
}
