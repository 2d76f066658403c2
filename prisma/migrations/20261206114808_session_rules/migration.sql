-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "ip" TEXT,
    "userAgent" TEXT,
    CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SecurityPolicy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "passwordMinLength" INTEGER NOT NULL DEFAULT 10,
    "passwordMinClasses" INTEGER NOT NULL DEFAULT 3,
    "passwordHistory" INTEGER NOT NULL DEFAULT 5,
    "passwordMaxAgeDays" INTEGER NOT NULL DEFAULT 0,
    "twoFactorRoles" TEXT NOT NULL DEFAULT 'ADMIN,CHIEF_EDITOR',
    "sessionIdleMinutes" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SecurityPolicy" ("id", "passwordHistory", "passwordMaxAgeDays", "passwordMinClasses", "passwordMinLength", "twoFactorRoles", "updatedAt") SELECT "id", "passwordHistory", "passwordMaxAgeDays", "passwordMinClasses", "passwordMinLength", "twoFactorRoles", "updatedAt" FROM "SecurityPolicy";
DROP TABLE "SecurityPolicy";
ALTER TABLE "new_SecurityPolicy" RENAME TO "SecurityPolicy";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "UserSession_userId_endedAt_idx" ON "UserSession"("userId", "endedAt");
