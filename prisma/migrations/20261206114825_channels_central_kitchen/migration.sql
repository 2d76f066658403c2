-- CreateTable
CREATE TABLE "ChannelSend" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "revisionId" TEXT,
    "actorId" TEXT,
    "remoteId" TEXT,
    "remoteUrl" TEXT,
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChannelSend_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChannelSend_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ChannelSend_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

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
    "wechatEnabled" BOOLEAN NOT NULL DEFAULT false,
    "appFeedEnabled" BOOLEAN NOT NULL DEFAULT false,
    "weiboEnabled" BOOLEAN NOT NULL DEFAULT false,
    "wechatAppId" TEXT,
    "wechatSecretSealed" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Publication" ("address", "createdAt", "hotline", "id", "name", "postcode", "publishDays", "publisher", "reviewLevels", "slug", "timeZone", "updatedAt") SELECT "address", "createdAt", "hotline", "id", "name", "postcode", "publishDays", "publisher", "reviewLevels", "slug", "timeZone", "updatedAt" FROM "Publication";
DROP TABLE "Publication";
ALTER TABLE "new_Publication" RENAME TO "Publication";
CREATE UNIQUE INDEX "Publication_slug_key" ON "Publication"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ChannelSend_channel_status_articleId_idx" ON "ChannelSend"("channel", "status", "articleId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelSend_articleId_channel_key" ON "ChannelSend"("articleId", "channel");
