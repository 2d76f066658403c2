-- 考核 at scale (issue 34): a period's stories, their live revisions' figures and their review times read
-- from covering indexes, not from the long rows (bench:stats, lib/stats/period-articles.ts). Two of
-- Article's indexes and Signoff's gain columns at their end (their old uses keep their prefix).

-- DropIndex
DROP INDEX "Article_id_deletedAt_status_updatedAt_idx";

-- DropIndex
DROP INDEX "Article_publishedAt_idx";

-- DropIndex
DROP INDEX "Signoff_articleId_level_idx";

-- CreateIndex
CREATE INDEX "Article_id_deletedAt_status_updatedAt_liveRevisionId_publis_idx" ON "Article"("id", "deletedAt", "status", "updatedAt", "liveRevisionId", "publishedAt", "retractedAt");

-- CreateIndex
CREATE INDEX "Article_publishedAt_deletedAt_liveRevisionId_id_idx" ON "Article"("publishedAt", "deletedAt", "liveRevisionId", "id");

-- CreateIndex (the schema's index, but without "credits": written by hand, see schema.prisma. Up to 20
-- credits can pass PostgreSQL's limit on an index entry, 2,704 bytes, and a publish must never fail on
-- them; the name is the schema's, so a later migration that drops it finds it.)
CREATE INDEX "Revision_id_wordCount_figureCount_coverMediaId_credits_idx" ON "Revision"("id", "wordCount", "figureCount", "coverMediaId");

-- CreateIndex
CREATE INDEX "Signoff_articleId_level_decision_clearedAt_createdAt_review_idx" ON "Signoff"("articleId", "level", "decision", "clearedAt", "createdAt", "reviewerId", "id");
