// What the reliability benchmarks (bench:soak, bench:crash) do as editors: sign in through
// next-auth's credentials endpoint and save their story through the story editor's own server
// action (saveArticleAction), over HTTP, exactly as the editor's autosave does from the browser. What
// the action answers is what "the browser was told": saved (with the new version), a conflict, or
// an error.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../lib/db-client';
import { hashPassword } from '../../lib/auth/password';
import { createArticle } from '../../lib/articles/editor-service';
import { signIn } from './sign-in';

export { signIn };

export type Writer = { name: string; email: string; password: string; storyId: string };
export type SaveAnswer = { kind: 'saved'; version: number } | { kind: 'conflict' } | { kind: 'error'; message: string };

export const WRITER_PASSWORD = 'bench-writer-pass-1';

/** Editors with a story each (made through the same service the 新建稿件 button calls). */
export async function createWriters(db: Db, count: number): Promise<Writer[]> {
  const passwordHash = await hashPassword(WRITER_PASSWORD);
  const publication = await db.publication.findFirstOrThrow({ orderBy: { createdAt: 'asc' }, select: { id: true } });
  const writers: Writer[] = [];
  for (let i = 1; i <= count; i += 1) {
    const name = `压测编辑${i}`;
    const email = `bench-writer-${i}@bench.test`;
    const user = await db.user.upsert({ where: { email }, update: {}, create: { email, name, role: 'EDITOR', passwordHash } });
    const { id } = await createArticle(db, { id: user.id, name: user.name, role: user.role }, publication.id);
    writers.push({ name, email, password: WRITER_PASSWORD, storyId: id });
  }
  return writers;
}

/** The server action id of the story editor's save, from the build's manifest. */
export function saveActionId(root: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === 'saveArticleAction');
  if (!found) throw new Error('saveArticleAction is not in .next/server/server-reference-manifest.json; rebuild with npm run build');
  return found[0];
}

/** The text of one save: the story with one paragraph per line. */
export function storyInput(headline: string, lines: readonly string[]) {
  return {
    kicker: '', headline, subheadline: '', dateline: '本报讯', byline: '', summary: '', slug: '', coverMediaId: null, authors: [],
    body: { type: 'doc', content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
  };
}

/** React's reply rows: `id:json` per line. The action's answer is row 0's `a`, or the row it points at ("$@n"). */
function actionAnswer(flight: string): unknown {
  const rows = new Map<string, unknown>();
  for (const line of flight.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!match) continue;
    try {
      rows.set(match[1]!, JSON.parse(match[2]!));
    } catch {
      // not a JSON row (text or binary chunk)
    }
  }
  const head = rows.get('0') as { a?: unknown } | undefined;
  const answer = head?.a;
  if (typeof answer === 'string' && answer.startsWith('$@')) return rows.get(answer.slice(2));
  return answer;
}

export async function saveArticle(
  baseUrl: string,
  cookie: string,
  actionId: string,
  storyId: string,
  baseVersion: number,
  input: ReturnType<typeof storyInput>,
  timeoutMs = 15_000,
): Promise<SaveAnswer> {
  try {
    const response = await fetch(`${baseUrl}/newsroom/articles/${storyId}`, {
      method: 'POST',
      headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: baseUrl, cookie },
      body: JSON.stringify([storyId, baseVersion, input, false]),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (response.status !== 200) return { kind: 'error', message: `HTTP ${response.status}` };
    const answer = actionAnswer(text) as { ok?: boolean; version?: number; conflict?: unknown; error?: string } | undefined;
    if (answer?.ok === true && typeof answer.version === 'number') return { kind: 'saved', version: answer.version };
    if (answer?.conflict) return { kind: 'conflict' };
    return { kind: 'error', message: answer?.error ?? `unreadable answer: ${text.slice(0, 120)}` };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Resident memory of a process in MB (Linux /proc), or null once it is gone. */
export function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}
