// What a newsroom list's query plan must not do on a large archive: read the whole story
// table, or sort it for ORDER BY. Sorting is allowed only over rows found by id — a person's own
// stories, a bounded list that no index can give in time order (lib/articles/queries.ts ownedBy).

/** The lines of one EXPLAIN QUERY PLAN that break the rule (empty when the plan is fine). */
export function planProblems(plan: readonly string[]): string[] {
  const lines = plan.map((line) => line.trim());
  const byId = lines.some((line) => /^SEARCH (main\.)?Article USING (COVERING )?INDEX \S+ \(id=\?/.test(line));
  return lines.filter(
    (line) => /^SCAN (main\.)?Article\b/.test(line) || (!byId && /^USE TEMP B-TREE FOR (.* )?ORDER BY/.test(line)),
  );
}
