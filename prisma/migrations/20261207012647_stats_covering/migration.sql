-- 考核 at scale (issue 34): a period's stories, their live revisions' figures and their review times read
-- from covering indexes, not from the long rows (bench:stats, lib/stats/period-articles.ts). Two of
-- Article's indexes and Signoff's gain columns at their end (their old uses keep their prefix).

-- DropIndex
DROP INDEX "Article_publishedAt_idx";

-- DropIndex
DROP INDEX "Article_id_deletedAt_status_updatedAt_idx";

-- DropIndex
DROP INDEX "Signoff_articleId_level_idx";

-- CreateIndex
CREATE INDEX "Article_id_deletedAt_status_updatedAt_liveRevisionId_publishedAt_retractedAt_idx" ON "Article"("id", "deletedAt", "status", "updatedAt", "liveRevisionId", "publishedAt", "retractedAt");

-- CreateIndex
CREATE INDEX "Article_publishedAt_deletedAt_liveRevisionId_id_idx" ON "Article"("publishedAt", "deletedAt", "liveRevisionId", "id");

-- CreateIndex
CREATE INDEX "Revision_id_wordCount_figureCount_coverMediaId_credits_idx" ON "Revision"("id", "wordCount", "figureCount", "coverMediaId", "credits");

-- CreateIndex
CREATE INDEX "Signoff_articleId_level_decision_clearedAt_createdAt_reviewerId_id_idx" ON "Signoff"("articleId", "level", "decision", "clearedAt", "createdAt", "reviewerId", "id");
