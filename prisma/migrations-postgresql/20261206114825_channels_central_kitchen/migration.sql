-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('WECHAT', 'APP', 'WEIBO');

-- CreateEnum
CREATE TYPE "ChannelSendStatus" AS ENUM ('DRAFT', 'PUBLISHING', 'SENT', 'FAILED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "appFeedEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "wechatAppId" TEXT,
ADD COLUMN     "wechatEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "wechatSecretSealed" TEXT,
ADD COLUMN     "weiboEnabled" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ChannelSend" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "status" "ChannelSendStatus" NOT NULL,
    "revisionId" TEXT,
    "actorId" TEXT,
    "remoteId" TEXT,
    "remoteUrl" TEXT,
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelSend_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChannelSend_channel_status_articleId_idx" ON "ChannelSend"("channel", "status", "articleId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelSend_articleId_channel_key" ON "ChannelSend"("articleId", "channel");

-- AddForeignKey
ALTER TABLE "ChannelSend" ADD CONSTRAINT "ChannelSend_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelSend" ADD CONSTRAINT "ChannelSend_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelSend" ADD CONSTRAINT "ChannelSend_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
