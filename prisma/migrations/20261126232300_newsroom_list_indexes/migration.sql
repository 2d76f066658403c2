-- DropIndex
DROP INDEX "Article_deletedAt_idx";

-- DropIndex
DROP INDEX "Article_createdById_status_idx";

-- DropIndex
DROP INDEX "ArticleAuthor_userId_idx";

-- CreateIndex
CREATE INDEX "Issue_status_publishAt_idx" ON "Issue"("status", "publishAt");

-- CreateIndex
CREATE INDEX "Article_deletedAt_retractedAt_publishAt_liveRevisionId_id_idx" ON "Article"("deletedAt", "retractedAt", "publishAt", "liveRevisionId", "id");

-- CreateIndex
CREATE INDEX "Article_deletedAt_status_stepSince_updatedAt_reviewLevel_createdById_id_idx" ON "Article"("deletedAt", "status", "stepSince", "updatedAt", "reviewLevel", "createdById", "id");

-- CreateIndex
CREATE INDEX "Article_createdById_id_idx" ON "Article"("createdById", "id");

-- CreateIndex
CREATE INDEX "Article_id_deletedAt_status_updatedAt_idx" ON "Article"("id", "deletedAt", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "ArticleAuthor_userId_articleId_idx" ON "ArticleAuthor"("userId", "articleId");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectId_action_createdAt_idx" ON "AuditEvent"("subjectId", "action", "createdAt");
