-- CreateTable
CREATE TABLE "Folder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Folder_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Source" (
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
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Source_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Source_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Folder_projectId_name_key" ON "Folder"("projectId", "name");

-- CreateIndex
CREATE INDEX "Source_projectId_createdAt_idx" ON "Source"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "Source_folderId_idx" ON "Source"("folderId");
