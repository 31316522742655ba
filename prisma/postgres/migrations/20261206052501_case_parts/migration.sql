-- CreateTable
CREATE TABLE "CasePart" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "speaker" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CasePart_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CasePart_sourceId_idx" ON "CasePart"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "CasePart_caseId_sourceId_start_end_speaker_key" ON "CasePart"("caseId", "sourceId", "start", "end", "speaker");

-- AddForeignKey
ALTER TABLE "CasePart" ADD CONSTRAINT "CasePart_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasePart" ADD CONSTRAINT "CasePart_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
