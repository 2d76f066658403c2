-- AlterTable
ALTER TABLE "User" ADD COLUMN     "department" TEXT;
