-- 阅读数 by channel (issue 34): the website's and the county app's reads of a story on a day are kept
-- apart; every row read before this is the website's.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ArticleRead" (
    "articleId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'web',
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("articleId", "day", "channel"),
    CONSTRAINT "ArticleRead_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ArticleRead" ("articleId", "count", "day") SELECT "articleId", "count", "day" FROM "ArticleRead";
DROP TABLE "ArticleRead";
ALTER TABLE "new_ArticleRead" RENAME TO "ArticleRead";
CREATE INDEX "ArticleRead_day_articleId_idx" ON "ArticleRead"("day", "articleId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
