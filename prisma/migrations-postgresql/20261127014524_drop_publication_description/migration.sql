-- AlterTable
ALTER TABLE "Publication" DROP COLUMN "description";
