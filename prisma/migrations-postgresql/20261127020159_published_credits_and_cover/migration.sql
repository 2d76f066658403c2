-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "coverMediaId" TEXT,
ADD COLUMN     "credits" TEXT;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_coverMediaId_fkey" FOREIGN KEY ("coverMediaId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Revisions readers have now: give them the byline and cover the story has today (before this, the
-- reader took them from the working copy). SQLite's migration builds the same JSON with json_group_array.
UPDATE "Revision" r SET
    "coverMediaId" = a."coverMediaId",
    "credits" = COALESCE((
        SELECT json_agg(json_build_object('userId', au."userId", 'name', au."name", 'label', au."label") ORDER BY au."position")::text
        FROM "ArticleAuthor" au
        WHERE au."articleId" = a."id"
    ), '[]')
FROM "Article" a
WHERE a."liveRevisionId" = r."id";
