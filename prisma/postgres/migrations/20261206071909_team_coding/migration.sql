/*
  Warnings:

  - A unique constraint covering the columns `[sourceId,codeId,coderId,start,end]` on the table `Coding` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Code" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "CodeRelation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Memo" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "blindCoding" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "blindReleased" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "eventSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "hierarchyReview" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "hierarchyVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "storylineVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "blindCoding" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "blindReleased" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "contentHash" TEXT;

-- CreateTable
CREATE TABLE "ProjectEvent" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "actorId" TEXT,
    "type" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "sourceId" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "before" TEXT,
    "after" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "baseVersion" INTEGER NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalChange" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "op" TEXT NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "ProposalChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "mentions" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentRead" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "thread" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommentRead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementResolution" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "note" TEXT NOT NULL DEFAULT '',
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementResolution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProjectEvent_projectId_entityType_entityId_seq_idx" ON "ProjectEvent"("projectId", "entityType", "entityId", "seq");

-- CreateIndex
CREATE INDEX "ProjectEvent_projectId_actorId_seq_idx" ON "ProjectEvent"("projectId", "actorId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectEvent_projectId_seq_key" ON "ProjectEvent"("projectId", "seq");

-- CreateIndex
CREATE INDEX "Proposal_projectId_status_createdAt_idx" ON "Proposal"("projectId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ProposalChange_proposalId_position_idx" ON "ProposalChange"("proposalId", "position");

-- CreateIndex
CREATE INDEX "Comment_projectId_targetType_targetId_createdAt_idx" ON "Comment"("projectId", "targetType", "targetId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_projectId_createdAt_idx" ON "Comment"("projectId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CommentRead_userId_projectId_thread_key" ON "CommentRead"("userId", "projectId", "thread");

-- CreateIndex
CREATE INDEX "AgreementResolution_projectId_sourceId_codeId_idx" ON "AgreementResolution"("projectId", "sourceId", "codeId");

-- Collapse duplicate codings (same coder, code and range, left by concurrent requests before
-- this index existed). The earliest row stays.
DELETE FROM "Coding" WHERE "id" IN (
  SELECT c."id" FROM "Coding" c WHERE EXISTS (
    SELECT 1 FROM "Coding" d
    WHERE d."sourceId" = c."sourceId" AND d."codeId" = c."codeId" AND d."coderId" = c."coderId"
      AND d."start" = c."start" AND d."end" = c."end"
      AND (d."createdAt" < c."createdAt" OR (d."createdAt" = c."createdAt" AND d."id" < c."id"))));

-- CreateIndex
CREATE UNIQUE INDEX "Coding_sourceId_codeId_coderId_start_end_key" ON "Coding"("sourceId", "codeId", "coderId", "start", "end");

-- CreateIndex
CREATE INDEX "Source_projectId_contentHash_idx" ON "Source"("projectId", "contentHash");

-- AddForeignKey
ALTER TABLE "ProjectEvent" ADD CONSTRAINT "ProjectEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvent" ADD CONSTRAINT "ProjectEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalChange" ADD CONSTRAINT "ProposalChange_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentRead" ADD CONSTRAINT "CommentRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementResolution" ADD CONSTRAINT "AgreementResolution_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementResolution" ADD CONSTRAINT "AgreementResolution_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
