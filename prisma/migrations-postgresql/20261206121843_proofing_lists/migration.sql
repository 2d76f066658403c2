-- AlterTable
ALTER TABLE "Signoff" ADD COLUMN     "proofingOverride" TEXT;

-- CreateTable
CREATE TABLE "ProofingList" (
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProofingList_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "ProofingEntry" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL DEFAULT '',
    "level" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ProofingEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProofingIgnore" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProofingIgnore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProofingEntry_kind_term_key" ON "ProofingEntry"("kind", "term");

-- CreateIndex
CREATE UNIQUE INDEX "ProofingIgnore_articleId_key_key" ON "ProofingIgnore"("articleId", "key");

-- AddForeignKey
ALTER TABLE "ProofingEntry" ADD CONSTRAINT "ProofingEntry_kind_fkey" FOREIGN KEY ("kind") REFERENCES "ProofingList"("kind") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProofingIgnore" ADD CONSTRAINT "ProofingIgnore_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
