// Ids a query at a time for 考核's reads (issue 34): a month of 3,000 stories in one `IN` passes the
// bind-parameter limit Prisma keeps to on SQLite (P2029, found by bench:stats).

/** Ids per query: well under SQLite's bind-parameter limit with a query's other parameters. */
export const ID_CHUNK = 500;

export function idChunks<T>(ids: readonly T[], size = ID_CHUNK): T[][] {
  return Array.from({ length: Math.ceil(ids.length / size) }, (_, index) =>
    ids.slice(index * size, (index + 1) * size),
  );
}
