-- 考核 at scale (issue 34): the figures (photos) of each revision's body kept beside it, and indexes that
-- answer a period's stories and reads without scanning (lib/stats/period-articles.ts, daily-reads.ts).

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "figureCount" INTEGER NOT NULL DEFAULT 0;

-- Backfill: the figure nodes (objects whose "type" is "figure") anywhere in the body, as
-- lib/content/figures.ts countFigures counts them. Only bodies that mention a figure are parsed.
UPDATE "Revision"
SET "figureCount" = jsonb_array_length(
  jsonb_path_query_array("body"::jsonb, 'strict $.** ? (@.type == "figure")')
)
WHERE "body" LIKE '%"figure"%';

-- DropIndex
DROP INDEX "ArticleRead_day_articleId_idx";

-- CreateIndex
CREATE INDEX "Article_publishedAt_idx" ON "Article"("publishedAt");

-- CreateIndex
CREATE INDEX "ArticleRead_articleId_day_count_idx" ON "ArticleRead"("articleId", "day", "count");

-- CreateIndex
CREATE INDEX "ArticleRead_day_count_idx" ON "ArticleRead"("day", "count");
