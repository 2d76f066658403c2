// What the reliability benchmarks (bench:soak, bench:crash) need as editors: accounts with stories,
// signed in through next-auth's credentials endpoint as a person is. They then write over the
// co-editing path (scripts/bench/lib/collab-writer.ts), as the story editor does.
import fs from 'node:fs';

import { createArticle } from '../../../lib/articles/editor-service';
import { hashPassword } from '../../../lib/auth/password';
import { currentArticleDocument } from '../../../lib/collab/stored-document';
import type { Db } from '../../../lib/db-client';
import { signIn } from './sign-in';

export { signIn };

export type Writer = { name: string; email: string; password: string; userId: string; role: 'EDITOR' };

export const WRITER_PASSWORD = 'bench-writer-pass-1';

/** Editors who write in the benchmarks. */
export async function createWriters(db: Db, count: number): Promise<Writer[]> {
  const passwordHash = await hashPassword(WRITER_PASSWORD);
  const writers: Writer[] = [];
  for (let i = 1; i <= count; i += 1) {
    const name = `压测编辑${i}`;
    const email = `bench-writer-${i}@bench.test`;
    const user = await db.user.upsert({
      where: { email },
      update: {},
      create: { email, name, role: 'EDITOR', passwordHash },
    });
    writers.push({ name, email, password: WRITER_PASSWORD, userId: user.id, role: 'EDITOR' });
  }
  return writers;
}

/** A new story of `writer`'s, made through the same service the 新建稿件 button calls. */
export async function createWriterArticle(db: Db, writer: Writer): Promise<string> {
  const publication = await db.publication.findFirstOrThrow({ orderBy: { createdAt: 'asc' }, select: { id: true } });
  const { id } = await createArticle(db, { id: writer.userId, name: writer.name, role: writer.role }, publication.id);
  return id;
}

/**
 * The generation of the story's stored shared document, which a client holding that document sends
 * as its token (as the editor's page hands it to the browser); built from the working copy if missing.
 */
export async function articleGeneration(db: Db, articleId: string): Promise<string> {
  const stored = await currentArticleDocument(db, articleId);
  if (!stored) throw new Error(`story ${articleId} is missing or in the trash`);
  return stored.generation;
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
