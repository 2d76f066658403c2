-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kicker" TEXT,
    "headline" TEXT NOT NULL,
    "subheadline" TEXT,
    "dateline" TEXT,
    "byline" TEXT,
    "summary" TEXT,
    "body" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "authorId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'AUTOSAVE',
    "signoffId" TEXT,
    "saves" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "savedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Revision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Revision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Revision_signoffId_fkey" FOREIGN KEY ("signoffId") REFERENCES "Signoff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Rows written before coalescing get saves = 0 (not yet examined) and savedAt = createdAt; the
-- history merge (lib/articles/history-merge.ts, run by db:migrate and at start-up) merges their
-- autosave runs, one transaction per story, and gives them their kinds.
INSERT INTO "new_Revision" ("articleId", "authorId", "body", "bodyText", "byline", "createdAt", "savedAt", "saves", "dateline", "headline", "id", "kicker", "subheadline", "summary", "version", "wordCount") SELECT "articleId", "authorId", "body", "bodyText", "byline", "createdAt", "createdAt", 0, "dateline", "headline", "id", "kicker", "subheadline", "summary", "version", "wordCount" FROM "Revision";
DROP TABLE "Revision";
ALTER TABLE "new_Revision" RENAME TO "Revision";
CREATE UNIQUE INDEX "Revision_signoffId_key" ON "Revision"("signoffId");
CREATE UNIQUE INDEX "Revision_articleId_version_key" ON "Revision"("articleId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LoginAttempt_createdAt_idx" ON "LoginAttempt"("createdAt");
