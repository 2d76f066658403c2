// Transactions on one story take turns, on both databases. SQLite: every transaction opens with
// BEGIN IMMEDIATE (lib/sqlite/immediate-transactions.ts) and so holds the write lock from its first
// read; a save's "is this still the version you started from?" check cannot interleave with another
// save. PostgreSQL runs transactions side by side (READ COMMITTED): two saves based on the same
// version would both pass the check and both be told they saved. Locking the story's row first
// (SELECT … FOR UPDATE) makes the second wait for the first to commit and then read its version.
import type { Tx } from '../db-client';
import { kindOf } from './kind';

export async function lockArticle(tx: Tx, articleId: string): Promise<void> {
  if (kindOf(tx) !== 'postgresql') return;
  await tx.$queryRaw`SELECT 1 FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
}
