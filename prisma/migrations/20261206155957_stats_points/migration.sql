-- CreateTable
CREATE TABLE "StatsRules" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "rules" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StatsMonth" (
    "month" TEXT NOT NULL PRIMARY KEY,
    "closedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT,
    "rules" TEXT NOT NULL,
    "figures" TEXT NOT NULL
);
