-- AlterTable
ALTER TABLE "Code" ADD COLUMN     "label" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "level" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "networkX" DOUBLE PRECISION,
ADD COLUMN     "networkY" DOUBLE PRECISION,
ADD COLUMN     "parentId" TEXT;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "corePrefix" TEXT NOT NULL DEFAULT 'CC',
ADD COLUMN     "storyline" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "storylineText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "storylineUpdatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CodeRelation" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "customType" TEXT NOT NULL DEFAULT '',
    "memo" TEXT NOT NULL DEFAULT '',
    "memoText" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CodeRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RelationEvidence" (
    "id" TEXT NOT NULL,
    "relationId" TEXT NOT NULL,
    "codingId" TEXT NOT NULL,

    CONSTRAINT "RelationEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CodeRelation_projectId_idx" ON "CodeRelation"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "CodeRelation_fromId_toId_type_customType_key" ON "CodeRelation"("fromId", "toId", "type", "customType");

-- CreateIndex
CREATE INDEX "RelationEvidence_codingId_idx" ON "RelationEvidence"("codingId");

-- CreateIndex
CREATE UNIQUE INDEX "RelationEvidence_relationId_codingId_key" ON "RelationEvidence"("relationId", "codingId");

-- CreateIndex
CREATE INDEX "Code_parentId_idx" ON "Code"("parentId");

-- AddForeignKey
ALTER TABLE "Code" ADD CONSTRAINT "Code_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Code"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeRelation" ADD CONSTRAINT "CodeRelation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeRelation" ADD CONSTRAINT "CodeRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Code"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeRelation" ADD CONSTRAINT "CodeRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Code"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeRelation" ADD CONSTRAINT "CodeRelation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelationEvidence" ADD CONSTRAINT "RelationEvidence_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "CodeRelation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelationEvidence" ADD CONSTRAINT "RelationEvidence_codingId_fkey" FOREIGN KEY ("codingId") REFERENCES "Coding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing codes are concepts: number them C1, C2… per project in creation order.
UPDATE "Code" SET "label" = 'C' || (
  SELECT COUNT(*) FROM "Code" AS "earlier"
  WHERE "earlier"."projectId" = "Code"."projectId"
    AND ("earlier"."createdAt" < "Code"."createdAt" OR ("earlier"."createdAt" = "Code"."createdAt" AND "earlier"."id" <= "Code"."id"))
) WHERE "label" = '';
