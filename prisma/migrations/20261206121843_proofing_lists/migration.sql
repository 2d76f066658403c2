-- AlterTable
ALTER TABLE "Signoff" ADD COLUMN "proofingOverride" TEXT;

-- CreateTable
CREATE TABLE "ProofingList" (
    "kind" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProofingEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL DEFAULT '',
    "level" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ProofingEntry_kind_fkey" FOREIGN KEY ("kind") REFERENCES "ProofingList" ("kind") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProofingIgnore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProofingIgnore_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ProofingEntry_kind_term_key" ON "ProofingEntry"("kind", "term");

-- CreateIndex
CREATE UNIQUE INDEX "ProofingIgnore_articleId_key_key" ON "ProofingIgnore"("articleId", "key");
