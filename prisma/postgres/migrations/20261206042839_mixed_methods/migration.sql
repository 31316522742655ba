-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "caseId" TEXT;

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeLink" (
    "id" TEXT NOT NULL,
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
    "reviewedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CodeLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkExemplar" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "codingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LinkExemplar_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "Source_caseId_idx" ON "Source"("caseId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeLink" ADD CONSTRAINT "CodeLink_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeLink" ADD CONSTRAINT "CodeLink_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "Code"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeLink" ADD CONSTRAINT "CodeLink_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeLink" ADD CONSTRAINT "CodeLink_scaleId_fkey" FOREIGN KEY ("scaleId") REFERENCES "Scale"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeLink" ADD CONSTRAINT "CodeLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkExemplar" ADD CONSTRAINT "LinkExemplar_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "CodeLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkExemplar" ADD CONSTRAINT "LinkExemplar_codingId_fkey" FOREIGN KEY ("codingId") REFERENCES "Coding"("id") ON DELETE CASCADE ON UPDATE CASCADE;
