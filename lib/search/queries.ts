// Newsroom search: everything the signed-in person may see. Reporters see their own stories;
// whoever may read any story (editors, chief editors, admins) sees all of them.
import 'server-only';

import { can } from '../access/capabilities';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { searchNewsroom } from './search';

export async function searchForNewsroom(q: string, page: number) {
  const user = await requireUser('newsroom:enter');
  const seesAll = can(user.role, 'article:read-any');
  return searchNewsroom(db, { q, page, ownerId: seesAll ? undefined : user.id });
}
