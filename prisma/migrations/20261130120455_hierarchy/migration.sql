-- CreateTable
CREATE TABLE "CodeRelation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "customType" TEXT NOT NULL DEFAULT '',
    "memo" TEXT NOT NULL DEFAULT '',
    "memoText" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CodeRelation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CodeRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Code" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CodeRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Code" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CodeRelation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RelationEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "relationId" TEXT NOT NULL,
    "codingId" TEXT NOT NULL,
    CONSTRAINT "RelationEvidence_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "CodeRelation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RelationEvidence_codingId_fkey" FOREIGN KEY ("codingId") REFERENCES "Coding" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Code_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Code_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Code_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Code" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Code" ("color", "createdAt", "createdById", "definition", "id", "name", "projectId", "updatedAt") SELECT "color", "createdAt", "createdById", "definition", "id", "name", "projectId", "updatedAt" FROM "Code";
DROP TABLE "Code";
ALTER TABLE "new_Code" RENAME TO "Code";
CREATE INDEX "Code_parentId_idx" ON "Code"("parentId");
CREATE UNIQUE INDEX "Code_projectId_name_key" ON "Code"("projectId", "name");
CREATE TABLE "new_Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "corePrefix" TEXT NOT NULL DEFAULT 'CC',
    "storyline" TEXT NOT NULL DEFAULT '',
    "storylineText" TEXT NOT NULL DEFAULT '',
    "storylineUpdatedAt" DATETIME
);
INSERT INTO "new_Project" ("createdAt", "description", "id", "name", "updatedAt") SELECT "createdAt", "description", "id", "name", "updatedAt" FROM "Project";
DROP TABLE "Project";
ALTER TABLE "new_Project" RENAME TO "Project";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CodeRelation_projectId_idx" ON "CodeRelation"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "CodeRelation_fromId_toId_type_customType_key" ON "CodeRelation"("fromId", "toId", "type", "customType");

-- CreateIndex
CREATE INDEX "RelationEvidence_codingId_idx" ON "RelationEvidence"("codingId");

-- CreateIndex
CREATE UNIQUE INDEX "RelationEvidence_relationId_codingId_key" ON "RelationEvidence"("relationId", "codingId");

-- Existing codes are concepts: number them C1, C2… per project in creation order.
UPDATE "Code" SET "label" = 'C' || (
  SELECT COUNT(*) FROM "Code" AS "earlier"
  WHERE "earlier"."projectId" = "Code"."projectId"
    AND ("earlier"."createdAt" < "Code"."createdAt" OR ("earlier"."createdAt" = "Code"."createdAt" AND "earlier"."id" <= "Code"."id"))
) WHERE "label" = '';
