-- 考核 (issue 34): each story's reads per calendar month, every channel together, kept by triggers on
-- ArticleRead so that whoever writes reads (the beacon's batches, an import, a test) keeps it right: an
-- insert adds its count, an update moves the difference, a delete takes its count away.

-- CreateTable
CREATE TABLE "ArticleReadMonth" (
    "articleId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("articleId", "month"),
    CONSTRAINT "ArticleReadMonth_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ArticleReadMonth_articleId_month_count_idx" ON "ArticleReadMonth"("articleId", "month", "count");

-- Backfill from the reads counted so far.
INSERT INTO "ArticleReadMonth" ("articleId", "month", "count")
SELECT "articleId", substr("day", 1, 7), sum("count") FROM "ArticleRead" GROUP BY "articleId", substr("day", 1, 7);

CREATE TRIGGER "ArticleRead_month_insert" AFTER INSERT ON "ArticleRead" BEGIN
  INSERT INTO "ArticleReadMonth" ("articleId", "month", "count")
  VALUES (NEW."articleId", substr(NEW."day", 1, 7), NEW."count")
  ON CONFLICT ("articleId", "month") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "ArticleRead_month_update" AFTER UPDATE ON "ArticleRead" BEGIN
  UPDATE "ArticleReadMonth" SET "count" = "count" - OLD."count"
  WHERE "articleId" = OLD."articleId" AND "month" = substr(OLD."day", 1, 7);
  INSERT INTO "ArticleReadMonth" ("articleId", "month", "count")
  VALUES (NEW."articleId", substr(NEW."day", 1, 7), NEW."count")
  ON CONFLICT ("articleId", "month") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "ArticleRead_month_delete" AFTER DELETE ON "ArticleRead" BEGIN
  UPDATE "ArticleReadMonth" SET "count" = "count" - OLD."count"
  WHERE "articleId" = OLD."articleId" AND "month" = substr(OLD."day", 1, 7);
END;
