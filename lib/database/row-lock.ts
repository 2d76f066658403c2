// Transactions that read, check and then write the same rows take turns, on both databases. SQLite: every transaction opens with
// BEGIN IMMEDIATE (lib/sqlite/immediate-transactions.ts) and so holds the write lock from its first
// read; a save's "is this still the version you started from?" check cannot interleave with another
// save. PostgreSQL runs transactions side by side (READ COMMITTED): two saves based on the same
// version would both pass the check and both be told they saved. Locking the story's row first
// (SELECT … FOR UPDATE) makes the second wait for the first to commit and then read its version.
// The same holds for an issue being laid out (a story placed twice) and for the rule that keeps one
// active admin (two admins deactivating each other at once).
import type { Tx } from '../db-client';
import { kindOf } from '../db-kind';

export async function lockArticle(tx: Tx, articleId: string): Promise<void> {
  if (kindOf(tx) !== 'postgresql') return;
  await tx.$queryRaw`SELECT 1 FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
}

/** Layout changes of one issue take turns (lock the issue before the story: always in this order). */
export async function lockIssue(tx: Tx, issueId: string): Promise<void> {
  if (kindOf(tx) !== 'postgresql') return;
  await tx.$queryRaw`SELECT 1 FROM "Issue" WHERE "id" = ${issueId} FOR UPDATE`;
}

/**
 * Changes that could leave no active admin take turns: each locks every active admin, so the second
 * waits, then sees the first one's change (a row no longer active drops out of its lock and its count).
 */
export async function lockActiveAdmins(tx: Tx): Promise<void> {
  if (kindOf(tx) !== 'postgresql') return;
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "role" = 'ADMIN' AND "active" = true FOR UPDATE`;
}
