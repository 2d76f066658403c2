// The editor's autosave rules, without a browser: a fake server with an optimistic lock, fake timers.
import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '@/lib/articles/schemas';
import type { SaveResult } from '@/lib/articles/actions';
import { Autosave, AUTOSAVE_MS, statusText, type Conflict, type SaveStatus } from './autosave';

function input(headline: string): ArticleInput {
  return { kicker: '', headline, subheadline: '', dateline: '', byline: '', summary: '', slug: '', coverMediaId: null, authors: [], body: { type: 'doc', content: [] } };
}

function setUp(options: { serverVersion?: number; answer?: (base: number, text: ArticleInput) => SaveResult | Promise<SaveResult> } = {}) {
  const server = { version: options.serverVersion ?? 1, calls: [] as { base: number; headline: string; manual: boolean }[] };
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const local = { writes: 0, cleared: 0 };
  const statuses: SaveStatus[] = [];
  const conflicts: Conflict[] = [];
  const slugs: string[] = [];
  let text = input('初稿');
  let release: (() => void) | null = null;
  const gate = { hold: false };
  const autosave = new Autosave({
    storyId: 's1',
    version: 1,
    savedAt: '2026-11-27T01:00:00.000Z',
    snapshot: () => text,
    save: async (_id, base, sent, manual) => {
      server.calls.push({ base, headline: sent.headline ?? '', manual });
      if (gate.hold) await new Promise<void>((resolve) => { release = resolve; });
      if (options.answer) return options.answer(base, sent);
      if (base !== server.version) {
        return { ok: false, error: '别人保存了更新的版本', conflict: { version: server.version, savedBy: '编辑乙', savedAt: '2026-11-27T01:05:00.000Z', story: { kicker: '', headline: '他的版本', subheadline: '', dateline: '', byline: '', summary: '', body: { type: 'doc', content: [] } } } };
      }
      server.version += 1;
      return { ok: true, version: server.version, savedAt: '2026-11-27T01:10:00.000Z', slug: 'kou-dai-gong-yuan' };
    },
    local: { write: () => { local.writes += 1; }, clear: () => { local.cleared += 1; } },
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => { (handle as { cleared: boolean }).cleared = true; },
    now: () => new Date('2026-11-27T01:00:00Z'),
    onStatus: (status) => statuses.push(status),
    onSaved: ({ slug }) => slugs.push(slug),
    onConflict: (conflict) => conflicts.push(conflict),
  });
  const type = (headline: string) => {
    text = input(headline);
    autosave.changed();
  };
  /** Fires the pending debounce timer, as the browser would after AUTOSAVE_MS. */
  const pause = async () => {
    const pending = timers.filter((timer) => !timer.cleared);
    for (const timer of pending) {
      timer.cleared = true;
      timer.run();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { autosave, server, timers, local, statuses, conflicts, slugs, type, pause, settle, gate, release: () => release?.() };
}

describe('Autosave', () => {
  it('saves after a pause with the version it holds, then says 已保存 and drops the local copy', async () => {
    const t = setUp();
    t.type('柯城口袋公园');
    expect(t.autosave.status.kind).toBe('dirty');
    expect(t.local.writes).toBe(1);
    expect(t.timers.at(-1)!.ms).toBe(AUTOSAVE_MS);
    expect(t.autosave.unsafeToLeave).toBe(true);
    await t.pause();
    expect(t.server.calls).toEqual([{ base: 1, headline: '柯城口袋公园', manual: false }]);
    expect(t.autosave.version).toBe(2);
    expect(t.autosave.status).toEqual({ kind: 'saved', at: '2026-11-27T01:10:00.000Z' });
    expect(t.statuses.map((s) => s.kind)).toEqual(['dirty', 'saving', 'saved']);
    expect(t.local.cleared).toBe(1);
    expect(t.slugs).toEqual(['kou-dai-gong-yuan']);
    expect(t.autosave.unsafeToLeave).toBe(false);
  });

  it('restarts the pause at every change: typing fast sends one save', async () => {
    const t = setUp();
    t.type('柯');
    t.type('柯城');
    t.type('柯城区');
    expect(t.timers.filter((timer) => !timer.cleared)).toHaveLength(1);
    await t.pause();
    expect(t.server.calls.map((call) => call.headline)).toEqual(['柯城区']);
  });

  it('keeps 未保存 when the text changed while the save was in flight, and keeps the local copy', async () => {
    const t = setUp();
    t.gate.hold = true;
    t.type('第一句');
    await t.pause();
    t.type('第一句，第二句');
    t.release();
    await t.settle();
    expect(t.autosave.status.kind).toBe('dirty');
    expect(t.local.cleared).toBe(0);
  });

  it('runs saves one at a time, each on the version the previous one returned (no conflict with itself)', async () => {
    const t = setUp();
    t.gate.hold = true;
    const first = t.autosave.saveNow();
    const second = t.autosave.saveNow();
    t.gate.hold = false;
    t.release();
    await Promise.all([first, second]);
    expect(t.server.calls.map((call) => call.base)).toEqual([1, 2]);
    expect(t.conflicts).toHaveLength(0);
    expect(t.autosave.version).toBe(3);
  });

  it('sends 立即保存 as a manual save once, and saves at once when a field is left', async () => {
    const t = setUp();
    await t.autosave.saveNow(true);
    t.type('离开字段');
    await t.autosave.flush();
    await t.autosave.flush();
    expect(t.server.calls.map((call) => call.manual)).toEqual([true, false]);
    expect(t.timers.every((timer) => timer.cleared)).toBe(true);
  });

  it('reports a conflict, keeps saying so while typing on, and saves over it once rebased', async () => {
    const t = setUp({ serverVersion: 5 });
    t.type('我的版本');
    await t.pause();
    expect(t.autosave.status).toEqual({ kind: 'conflict', message: '别人保存了更新的版本' });
    expect(t.conflicts[0]).toMatchObject({ snapshot: { version: 5, savedBy: '编辑乙' }, mine: { headline: '我的版本' } });
    t.type('我的版本，再改');
    expect(t.autosave.status.kind).toBe('conflict');
    expect(t.autosave.unsafeToLeave).toBe(true);
    t.autosave.rebase(5);
    await t.autosave.saveNow();
    expect(t.server.calls.at(-1)).toMatchObject({ base: 5, headline: '我的版本，再改' });
    expect(t.autosave.status.kind).toBe('saved');
  });

  it('says why a save failed: the network, or the fields the server refused', async () => {
    const offline = setUp({ answer: () => { throw new Error('offline'); } });
    offline.type('断网');
    await offline.pause();
    expect(offline.autosave.status).toEqual({ kind: 'error', message: '网络或服务器错误，内容已保存在本机，稍后会重试' });
    expect(offline.local.cleared).toBe(0);
    const refused = setUp({ answer: () => ({ ok: false, error: '输入有误', fieldErrors: { headline: '主题不能超过 100 个字' } }) });
    refused.type('很长的主题');
    await refused.pause();
    expect(refused.autosave.status).toEqual({ kind: 'error', message: '输入有误：主题不能超过 100 个字' });
    expect(statusText(refused.autosave.status, (iso) => iso)).toBe('保存失败：输入有误：主题不能超过 100 个字');
  });

  it('words the status line', () => {
    const time = () => '09:10';
    expect(statusText({ kind: 'saved', at: 'x' }, time)).toBe('已保存 09:10');
    expect(statusText({ kind: 'saving' }, time)).toBe('正在保存…');
    expect(statusText({ kind: 'dirty' }, time)).toBe('未保存');
    expect(statusText({ kind: 'conflict' }, time)).toBe('保存冲突');
  });
});
