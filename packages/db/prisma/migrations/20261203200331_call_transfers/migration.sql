-- AlterTable
ALTER TABLE "TelnyxCall" ADD COLUMN     "transferredAt" TIMESTAMP(3),
ADD COLUMN     "transferredFromUserId" TEXT,
ADD COLUMN     "transferredTo" TEXT;
