-- CreateTable
CREATE TABLE "EpaperScan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "pdfSha256" TEXT NOT NULL,
    "pdfPage" INTEGER NOT NULL,
    "pdfPages" INTEGER NOT NULL,
    "pdfSize" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "width" INTEGER NOT NULL DEFAULT 0,
    "height" INTEGER NOT NULL DEFAULT 0,
    "hasText" BOOLEAN NOT NULL DEFAULT true,
    "areas" TEXT NOT NULL DEFAULT '[]',
    "uploaderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EpaperScan_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "IssuePage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EpaperScan_pdfSha256_pdfPage_idx" ON "EpaperScan"("pdfSha256", "pdfPage");

-- CreateIndex
CREATE UNIQUE INDEX "EpaperScan_pageId_stage_key" ON "EpaperScan"("pageId", "stage");
