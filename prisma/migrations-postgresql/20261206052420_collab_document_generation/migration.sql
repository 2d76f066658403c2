-- AlterTable
-- A document stored before generations existed gets one of its own (edited by hand: Prisma's diff
-- cannot fill a required column of existing rows); the default is evaluated per row, then dropped.
ALTER TABLE "CollabDocument" ADD COLUMN     "generation" TEXT NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text),
ADD COLUMN     "serial" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "CollabDocument" ALTER COLUMN "generation" DROP DEFAULT;
