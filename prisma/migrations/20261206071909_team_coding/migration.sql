/*
  Warnings:

  - A unique constraint covering the columns `[sourceId,codeId,coderId,start,end]` on the table `Coding` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateTable
CREATE TABLE "ProjectEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProjectEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "baseVersion" INTEGER NOT NULL,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Proposal_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Proposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "op" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    CONSTRAINT "ProposalChange_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "mentions" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    CONSTRAINT "Comment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentRead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "thread" TEXT NOT NULL,
    "readAt" DATETIME NOT NULL,
    CONSTRAINT "CommentRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgreementResolution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "note" TEXT NOT NULL DEFAULT '',
    "resolvedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgreementResolution_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgreementResolution_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Code" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "definition" TEXT NOT NULL DEFAULT '',
    "level" INTEGER NOT NULL DEFAULT 1,
    "parentId" TEXT,
    "label" TEXT NOT NULL DEFAULT '',
    "networkX" REAL,
    "networkY" REAL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Code_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Code_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Code_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Code" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Code" ("color", "createdAt", "createdById", "definition", "id", "label", "level", "name", "networkX", "networkY", "parentId", "projectId", "updatedAt") SELECT "color", "createdAt", "createdById", "definition", "id", "label", "level", "name", "networkX", "networkY", "parentId", "projectId", "updatedAt" FROM "Code";
DROP TABLE "Code";
ALTER TABLE "new_Code" RENAME TO "Code";
CREATE INDEX "Code_parentId_idx" ON "Code"("parentId");
CREATE UNIQUE INDEX "Code_projectId_name_key" ON "Code"("projectId", "name");
CREATE TABLE "new_CodeRelation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "customType" TEXT NOT NULL DEFAULT '',
    "memo" TEXT NOT NULL DEFAULT '',
    "memoText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CodeRelation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CodeRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Code" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CodeRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Code" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CodeRelation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CodeRelation" ("createdAt", "createdById", "customType", "fromId", "id", "memo", "memoText", "projectId", "toId", "type", "updatedAt") SELECT "createdAt", "createdById", "customType", "fromId", "id", "memo", "memoText", "projectId", "toId", "type", "updatedAt" FROM "CodeRelation";
DROP TABLE "CodeRelation";
ALTER TABLE "new_CodeRelation" RENAME TO "CodeRelation";
CREATE INDEX "CodeRelation_projectId_idx" ON "CodeRelation"("projectId");
CREATE UNIQUE INDEX "CodeRelation_fromId_toId_type_customType_key" ON "CodeRelation"("fromId", "toId", "type", "customType");
CREATE TABLE "new_Memo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "sourceId" TEXT,
    "codeId" TEXT,
    "codingId" TEXT,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Memo_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Memo_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Memo_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "Code" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Memo_codingId_fkey" FOREIGN KEY ("codingId") REFERENCES "Coding" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Memo_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Memo" ("authorId", "body", "codeId", "codingId", "createdAt", "id", "projectId", "sourceId", "text", "updatedAt") SELECT "authorId", "body", "codeId", "codingId", "createdAt", "id", "projectId", "sourceId", "text", "updatedAt" FROM "Memo";
DROP TABLE "Memo";
ALTER TABLE "new_Memo" RENAME TO "Memo";
CREATE UNIQUE INDEX "Memo_codingId_key" ON "Memo"("codingId");
CREATE INDEX "Memo_sourceId_idx" ON "Memo"("sourceId");
CREATE INDEX "Memo_codeId_idx" ON "Memo"("codeId");
CREATE TABLE "new_Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "corePrefix" TEXT NOT NULL DEFAULT 'CC',
    "storyline" TEXT NOT NULL DEFAULT '',
    "storylineText" TEXT NOT NULL DEFAULT '',
    "storylineUpdatedAt" DATETIME,
    "storylineVersion" INTEGER NOT NULL DEFAULT 1,
    "blindCoding" BOOLEAN NOT NULL DEFAULT false,
    "blindReleased" BOOLEAN NOT NULL DEFAULT false,
    "hierarchyReview" BOOLEAN NOT NULL DEFAULT false,
    "hierarchyVersion" INTEGER NOT NULL DEFAULT 0,
    "eventSeq" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Project" ("corePrefix", "createdAt", "description", "id", "name", "storyline", "storylineText", "storylineUpdatedAt", "updatedAt") SELECT "corePrefix", "createdAt", "description", "id", "name", "storyline", "storylineText", "storylineUpdatedAt", "updatedAt" FROM "Project";
DROP TABLE "Project";
ALTER TABLE "new_Project" RENAME TO "Project";
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "folderId" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT,
    "encoding" TEXT,
    "text" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "structure" TEXT,
    "authors" TEXT NOT NULL DEFAULT '',
    "year" INTEGER,
    "venue" TEXT NOT NULL DEFAULT '',
    "interviewee" TEXT NOT NULL DEFAULT '',
    "interviewDate" TEXT NOT NULL DEFAULT '',
    "interviewer" TEXT NOT NULL DEFAULT '',
    "caseId" TEXT,
    "codingOrder" INTEGER,
    "saturationTest" BOOLEAN NOT NULL DEFAULT false,
    "blindCoding" BOOLEAN NOT NULL DEFAULT false,
    "blindReleased" BOOLEAN NOT NULL DEFAULT false,
    "contentHash" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Source_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Source_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Source_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("authors", "caseId", "codingOrder", "createdAt", "createdById", "encoding", "fileName", "folderId", "format", "id", "interviewDate", "interviewee", "interviewer", "kind", "length", "projectId", "saturationTest", "structure", "text", "title", "updatedAt", "venue", "wordCount", "year") SELECT "authors", "caseId", "codingOrder", "createdAt", "createdById", "encoding", "fileName", "folderId", "format", "id", "interviewDate", "interviewee", "interviewer", "kind", "length", "projectId", "saturationTest", "structure", "text", "title", "updatedAt", "venue", "wordCount", "year" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE INDEX "Source_projectId_createdAt_idx" ON "Source"("projectId", "createdAt");
CREATE INDEX "Source_folderId_idx" ON "Source"("folderId");
CREATE INDEX "Source_caseId_idx" ON "Source"("caseId");
CREATE INDEX "Source_projectId_contentHash_idx" ON "Source"("projectId", "contentHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
