-- CreateIndex
CREATE INDEX "Article_publishAt_idx" ON "Article"("publishAt");
