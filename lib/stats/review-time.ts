// How long each review level took on a story (issue 34: "the time each review level took"), from its
// records: the submissions (audit `article.submit`) and the sign-offs still standing (Signoff, APPROVE,
// not cleared). Pure. Level 1 (初审) runs from the last submission before its sign-off, each later level
// from the sign-off of the level before it, so time spent back with the reporter after a 退回 counts
// from the new submission, not from the first.

export type ReviewRecords = {
  submittedAt: readonly Date[];
  signoffs: readonly { level: number; at: Date }[];
};

/** Milliseconds per level signed off, by level (1 初审, 2 复审, 3 终审/签发). */
export function reviewDurations({ submittedAt, signoffs }: ReviewRecords): Map<number, number> {
  const durations = new Map<number, number>();
  const byLevel = new Map<number, Date>();
  for (const signoff of signoffs) {
    const known = byLevel.get(signoff.level);
    // A level signed off twice (after a content change voided the first) counts its latest.
    if (!known || signoff.at > known) byLevel.set(signoff.level, signoff.at);
  }
  for (const [level, at] of [...byLevel].sort((a, b) => a[0] - b[0])) {
    const from =
      level === 1
        ? [...submittedAt].filter((submitted) => submitted <= at).sort((a, b) => b.getTime() - a.getTime())[0]
        : byLevel.get(level - 1);
    if (from && from <= at) durations.set(level, at.getTime() - from.getTime());
  }
  return durations;
}

/** The mean of each level's durations over several stories, in hours to one decimal. */
export function meanHoursByLevel(all: readonly ReadonlyMap<number, number>[]): Map<number, number> {
  const sums = new Map<number, { total: number; count: number }>();
  for (const durations of all)
    for (const [level, ms] of durations) {
      const sum = sums.get(level) ?? { total: 0, count: 0 };
      sum.total += ms;
      sum.count += 1;
      sums.set(level, sum);
    }
  return new Map(
    [...sums].map(([level, { total, count }]) => [level, Math.round((total / count / 3_600_000) * 10) / 10]),
  );
}
