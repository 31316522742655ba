-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "language" TEXT NOT NULL DEFAULT '',
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
INSERT INTO "new_Project" ("blindCoding", "blindReleased", "corePrefix", "createdAt", "description", "eventSeq", "hierarchyReview", "hierarchyVersion", "id", "name", "storyline", "storylineText", "storylineUpdatedAt", "storylineVersion", "updatedAt") SELECT "blindCoding", "blindReleased", "corePrefix", "createdAt", "description", "eventSeq", "hierarchyReview", "hierarchyVersion", "id", "name", "storyline", "storylineText", "storylineUpdatedAt", "storylineVersion", "updatedAt" FROM "Project";
DROP TABLE "Project";
ALTER TABLE "new_Project" RENAME TO "Project";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
