-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Publication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "hotline" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "reviewLevels" INTEGER NOT NULL DEFAULT 3,
    "publishDays" TEXT NOT NULL DEFAULT '1',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Publication" ("address", "createdAt", "hotline", "id", "name", "postcode", "publishDays", "publisher", "reviewLevels", "slug", "timeZone", "updatedAt") SELECT "address", "createdAt", "hotline", "id", "name", "postcode", "publishDays", "publisher", "reviewLevels", "slug", "timeZone", "updatedAt" FROM "Publication";
DROP TABLE "Publication";
ALTER TABLE "new_Publication" RENAME TO "Publication";
CREATE UNIQUE INDEX "Publication_slug_key" ON "Publication"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
