-- AlterTable
ALTER TABLE "ArticleRead" DROP CONSTRAINT "ArticleRead_pkey",
ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'web',
ADD CONSTRAINT "ArticleRead_pkey" PRIMARY KEY ("articleId", "day", "channel");
