-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CollabDocument" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "state" BLOB NOT NULL,
    "version" INTEGER NOT NULL,
    "generation" TEXT NOT NULL,
    "serial" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CollabDocument_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- A document stored before generations existed gets one of its own (edited by hand: Prisma's diff
-- cannot fill a required column of existing rows).
INSERT INTO "new_CollabDocument" ("articleId", "state", "updatedAt", "version", "generation") SELECT "articleId", "state", "updatedAt", "version", lower(hex(randomblob(16))) FROM "CollabDocument";
DROP TABLE "CollabDocument";
ALTER TABLE "new_CollabDocument" RENAME TO "CollabDocument";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
