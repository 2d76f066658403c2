-- CreateTable
CREATE TABLE "TrustedDevice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "ip" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrustedDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "rememberDevice" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SecurityPolicy" ("id", "passwordHistory", "passwordMaxAgeDays", "passwordMinClasses", "passwordMinLength", "sessionIdleMinutes", "twoFactorRoles", "updatedAt") SELECT "id", "passwordHistory", "passwordMaxAgeDays", "passwordMinClasses", "passwordMinLength", "sessionIdleMinutes", "twoFactorRoles", "updatedAt" FROM "SecurityPolicy";
DROP TABLE "SecurityPolicy";
ALTER TABLE "new_SecurityPolicy" RENAME TO "SecurityPolicy";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "TrustedDevice_tokenHash_key" ON "TrustedDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "TrustedDevice_userId_idx" ON "TrustedDevice"("userId");
