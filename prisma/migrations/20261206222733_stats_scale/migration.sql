-- 考核 at scale (issue 34): the figures (photos) of each revision's body kept beside it, and indexes that
-- answer a period's stories and reads without scanning (lib/stats/period-articles.ts, daily-reads.ts).

-- AlterTable (a new column at the end: no copy of every revision, as a table rebuild would make)
ALTER TABLE "Revision" ADD COLUMN "figureCount" INTEGER NOT NULL DEFAULT 0;

-- Backfill: the figure nodes (objects whose "type" is "figure") anywhere in the body, as
-- lib/content/figures.ts countFigures counts them. Only bodies that mention a figure are parsed.
UPDATE "Revision"
SET "figureCount" = (
  SELECT count(*) FROM json_tree("Revision"."body") AS node
  WHERE node.key = 'type' AND node.type = 'text' AND node.atom = 'figure'
)
WHERE "body" LIKE '%"figure"%' AND json_valid("body");

-- DropIndex
DROP INDEX "ArticleRead_day_articleId_idx";

-- CreateIndex
CREATE INDEX "Article_publishedAt_idx" ON "Article"("publishedAt");

-- CreateIndex
CREATE INDEX "ArticleRead_articleId_day_count_idx" ON "ArticleRead"("articleId", "day", "count");

-- CreateIndex
CREATE INDEX "ArticleRead_day_count_idx" ON "ArticleRead"("day", "count");
