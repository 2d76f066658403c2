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
    "credits" TEXT,
    "coverMediaId" TEXT,
    "authorId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'AUTOSAVE',
    "signoffId" TEXT,
    "saves" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "savedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Revision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Revision_coverMediaId_fkey" FOREIGN KEY ("coverMediaId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Revision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Revision_signoffId_fkey" FOREIGN KEY ("signoffId") REFERENCES "Signoff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Revision" ("articleId", "authorId", "body", "bodyText", "byline", "createdAt", "dateline", "headline", "id", "kicker", "kind", "savedAt", "saves", "signoffId", "subheadline", "summary", "version", "wordCount") SELECT "articleId", "authorId", "body", "bodyText", "byline", "createdAt", "dateline", "headline", "id", "kicker", "kind", "savedAt", "saves", "signoffId", "subheadline", "summary", "version", "wordCount" FROM "Revision";
DROP TABLE "Revision";
ALTER TABLE "new_Revision" RENAME TO "Revision";
CREATE UNIQUE INDEX "Revision_signoffId_key" ON "Revision"("signoffId");
CREATE UNIQUE INDEX "Revision_articleId_version_key" ON "Revision"("articleId", "version");
-- Revisions readers have now: give them the byline and cover the story has today (before this, the
-- reader took them from the working copy).
UPDATE "Revision" SET
    "coverMediaId" = (SELECT "coverMediaId" FROM "Article" WHERE "Article"."liveRevisionId" = "Revision"."id"),
    "credits" = (
        SELECT json_group_array(json_object('userId', "userId", 'name', "name", 'label', "label"))
        FROM (
            SELECT au."userId", au."name", au."label" FROM "ArticleAuthor" au JOIN "Article" a ON a."id" = au."articleId"
            WHERE a."liveRevisionId" = "Revision"."id" ORDER BY au."position"
        )
    )
WHERE "id" IN (SELECT "liveRevisionId" FROM "Article" WHERE "liveRevisionId" IS NOT NULL);
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
