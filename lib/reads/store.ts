// Writing a batch of counted reads (issue 34): each story's reads are added to its row for the day and
// channel (website or app), in one transaction per chunk. The beacon names a story by its slug (what the reader page has); only
// stories readers can see now are counted: a slug made up by a client, a draft's, a retracted or
// deleted story's reads are dropped here, so a forged beacon cannot make rows.
import type { Db } from '../db-client';
import { visibleArticleWhere } from '../revisions/visibility';
import type { ReadEntry } from './tally';

/** Rows per transaction: SQLite holds its write lock for one chunk at a time (about 25 ms for 500). */
const CHUNK = 500;

export async function writeReads(db: Db, entries: readonly ReadEntry[], now = new Date()): Promise<number> {
  let written = 0;
  for (let start = 0; start < entries.length; start += CHUNK) {
    const chunk = entries.slice(start, start + CHUNK);
    const slugs = [...new Set(chunk.map((entry) => entry.slug))];
    const rows = await db.article.findMany({
      where: { slug: { in: slugs }, ...visibleArticleWhere(now) },
      select: { id: true, slug: true },
    });
    const idOf = new Map(rows.map((row) => [row.slug, row.id]));
    const counted = chunk.flatMap((entry) => {
      const articleId = idOf.get(entry.slug);
      return articleId ? [{ articleId, day: entry.day, channel: entry.channel, count: entry.count }] : [];
    });
    if (counted.length === 0) continue;
    await db.$transaction(
      counted.map(({ articleId, day, channel, count }) =>
        db.articleRead.upsert({
          where: { articleId_day_channel: { articleId, day, channel } },
          create: { articleId, day, channel, count },
          update: { count: { increment: count } },
        }),
      ),
    );
    written += counted.reduce((sum, entry) => sum + entry.count, 0);
  }
  return written;
}
