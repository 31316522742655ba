-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "codingOrder" INTEGER,
ADD COLUMN     "saturationTest" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CaseAttribute" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "choices" TEXT NOT NULL DEFAULT '[]',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseAttribute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseAttributeValue" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "attributeId" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "CaseAttributeValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseCodeSummary" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseCodeSummary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SaturationSnapshot" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "codes" TEXT NOT NULL,
    "relations" TEXT NOT NULL,
    "sourceIds" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SaturationSnapshot_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "CaseAttribute" ADD CONSTRAINT "CaseAttribute_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAttributeValue" ADD CONSTRAINT "CaseAttributeValue_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAttributeValue" ADD CONSTRAINT "CaseAttributeValue_attributeId_fkey" FOREIGN KEY ("attributeId") REFERENCES "CaseAttribute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCodeSummary" ADD CONSTRAINT "CaseCodeSummary_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCodeSummary" ADD CONSTRAINT "CaseCodeSummary_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "Code"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SaturationSnapshot" ADD CONSTRAINT "SaturationSnapshot_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
