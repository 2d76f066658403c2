-- AlterTable
ALTER TABLE "Article" ADD COLUMN "stepSince" DATETIME;
