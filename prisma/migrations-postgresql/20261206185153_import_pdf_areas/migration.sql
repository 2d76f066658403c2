-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "importedAreas" TEXT NOT NULL DEFAULT '';
