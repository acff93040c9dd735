-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "softphoneConnectionId" TEXT,
ADD COLUMN     "softphoneCredentialAt" TIMESTAMP(3),
ADD COLUMN     "softphoneCredentialId" TEXT,
ADD COLUMN     "softphoneSipUsername" TEXT;

-- CreateIndex
CREATE INDEX "Membership_softphoneSipUsername_idx" ON "Membership"("softphoneSipUsername");
