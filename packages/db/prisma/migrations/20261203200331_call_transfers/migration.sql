-- AlterTable
ALTER TABLE "TelnyxCall" ADD COLUMN     "transferredAt" TIMESTAMP(3),
ADD COLUMN     "transferredFromUserId" TEXT,
ADD COLUMN     "transferredTo" TEXT,
ADD COLUMN     "consultUserId" TEXT,
ADD COLUMN     "consultName" TEXT,
ADD COLUMN     "consultCallControlId" TEXT,
ADD COLUMN     "consultAnsweredAt" TIMESTAMP(3);
