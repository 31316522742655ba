-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Case_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CodeLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "scaleId" TEXT,
    "variable" TEXT NOT NULL DEFAULT '',
    "target" TEXT NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "inference" TEXT NOT NULL DEFAULT '',
    "inferenceNote" TEXT NOT NULL DEFAULT '',
    "reviewedFigures" TEXT NOT NULL DEFAULT '',
    "reviewedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CodeLink_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CodeLink_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "Code" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CodeLink_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CodeLink_scaleId_fkey" FOREIGN KEY ("scaleId") REFERENCES "Scale" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CodeLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkExemplar" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "codingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "LinkExemplar_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "CodeLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkExemplar_codingId_fkey" FOREIGN KEY ("codingId") REFERENCES "Coding" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Source_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Source_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Source_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("authors", "createdAt", "createdById", "encoding", "fileName", "folderId", "format", "id", "interviewDate", "interviewee", "interviewer", "kind", "length", "projectId", "structure", "text", "title", "updatedAt", "venue", "wordCount", "year") SELECT "authors", "createdAt", "createdById", "encoding", "fileName", "folderId", "format", "id", "interviewDate", "interviewee", "interviewer", "kind", "length", "projectId", "structure", "text", "title", "updatedAt", "venue", "wordCount", "year" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE INDEX "Source_projectId_createdAt_idx" ON "Source"("projectId", "createdAt");
CREATE INDEX "Source_folderId_idx" ON "Source"("folderId");
CREATE INDEX "Source_caseId_idx" ON "Source"("caseId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Case_projectId_name_key" ON "Case"("projectId", "name");

-- CreateIndex
CREATE INDEX "CodeLink_projectId_idx" ON "CodeLink"("projectId");

-- CreateIndex
CREATE INDEX "CodeLink_scaleId_idx" ON "CodeLink"("scaleId");

-- CreateIndex
CREATE UNIQUE INDEX "CodeLink_codeId_datasetId_target_key" ON "CodeLink"("codeId", "datasetId", "target");

-- CreateIndex
CREATE INDEX "LinkExemplar_codingId_idx" ON "LinkExemplar"("codingId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkExemplar_linkId_codingId_key" ON "LinkExemplar"("linkId", "codingId");
