-- DropIndex
DROP INDEX "Coding_projectId_idx";

-- CreateIndex
CREATE INDEX "Coding_projectId_codeId_sourceId_start_end_idx" ON "Coding"("projectId", "codeId", "sourceId", "start", "end");

-- CreateIndex
CREATE INDEX "Coding_projectId_sourceId_start_end_codeId_idx" ON "Coding"("projectId", "sourceId", "start", "end", "codeId");
