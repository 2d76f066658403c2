-- CreateTable
CREATE TABLE "StatsRules" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "rules" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatsRules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatsMonth" (
    "month" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT,
    "rules" TEXT NOT NULL,
    "figures" TEXT NOT NULL,

    CONSTRAINT "StatsMonth_pkey" PRIMARY KEY ("month")
);
