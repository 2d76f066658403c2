-- The audit log's hash chain (lib/audit/chain.ts). Existing events are numbered in the order they
-- were written (createdAt, then id) and left with empty hashes, which the first start after this
-- migration (or `npm run db:migrate`) fills in that order (lib/audit/seal.ts), as on SQLite.

-- DropForeignKey
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_actorId_fkey";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prevHash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "seq" INTEGER;

UPDATE "AuditEvent" SET "seq" = numbered.n
FROM (SELECT "id", ROW_NUMBER() OVER (ORDER BY "createdAt", "id") AS n FROM "AuditEvent") AS numbered
WHERE "AuditEvent"."id" = numbered."id";

ALTER TABLE "AuditEvent" ALTER COLUMN "seq" SET NOT NULL,
ALTER COLUMN "hash" DROP DEFAULT,
ALTER COLUMN "prevHash" DROP DEFAULT;

-- CreateTable
CREATE TABLE "AuditDigest" (
    "day" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditDigest_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
