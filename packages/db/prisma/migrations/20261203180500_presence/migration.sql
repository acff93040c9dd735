-- AlterEnum
ALTER TYPE "AgentStatus" ADD VALUE 'WRAP_UP';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "wrapUpSecs" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "presenceCheckAt" TIMESTAMP(3),
ADD COLUMN     "wrapUpUntil" TIMESTAMP(3);
