-- AlterTable
ALTER TABLE "TelnyxCall" ADD COLUMN     "recordingUnavailable" BOOLEAN NOT NULL DEFAULT false;
