-- CreateTable
CREATE TABLE "CaseAttribute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "choices" TEXT NOT NULL DEFAULT '[]',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseAttribute_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseAttributeValue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "attributeId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    CONSTRAINT "CaseAttributeValue_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseAttributeValue_attributeId_fkey" FOREIGN KEY ("attributeId") REFERENCES "CaseAttribute" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseCodeSummary" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CaseCodeSummary_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseCodeSummary_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "Code" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SaturationSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "codes" TEXT NOT NULL,
    "relations" TEXT NOT NULL,
    "sourceIds" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SaturationSnapshot_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "codingOrder" INTEGER,
    "saturationTest" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Source_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Source_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Source_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("authors", "caseId", "createdAt", "createdById", "encoding", "fileName", "folderId", "format", "id", "interviewDate", "interviewee", "interviewer", "kind", "length", "projectId", "structure", "text", "title", "updatedAt", "venue", "wordCount", "year") SELECT "authors", "caseId", "createdAt", "createdById", "encoding", "fileName", "folderId", "format", "id", "interviewDate", "interviewee", "interviewer", "kind", "length", "projectId", "structure", "text", "title", "updatedAt", "venue", "wordCount", "year" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE INDEX "Source_projectId_createdAt_idx" ON "Source"("projectId", "createdAt");
CREATE INDEX "Source_folderId_idx" ON "Source"("folderId");
CREATE INDEX "Source_caseId_idx" ON "Source"("caseId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CaseAttribute_projectId_name_key" ON "CaseAttribute"("projectId", "name");

-- CreateIndex
CREATE INDEX "CaseAttributeValue_attributeId_idx" ON "CaseAttributeValue"("attributeId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseAttributeValue_caseId_attributeId_key" ON "CaseAttributeValue"("caseId", "attributeId");

-- CreateIndex
CREATE INDEX "CaseCodeSummary_codeId_idx" ON "CaseCodeSummary"("codeId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseCodeSummary_caseId_codeId_key" ON "CaseCodeSummary"("caseId", "codeId");

-- CreateIndex
CREATE INDEX "SaturationSnapshot_projectId_createdAt_idx" ON "SaturationSnapshot"("projectId", "createdAt");
