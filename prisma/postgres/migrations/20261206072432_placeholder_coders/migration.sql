-- AlterTable
ALTER TABLE "User" ADD COLUMN     "placeholder" BOOLEAN NOT NULL DEFAULT false;
