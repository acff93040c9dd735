-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "softphoneConnectionId" TEXT,
ADD COLUMN     "softphoneCredentialAt" TIMESTAMP(3),
ADD COLUMN     "softphoneCredentialId" TEXT,
ADD COLUMN     "softphoneSipUsername" TEXT;

-- CreateTable
CREATE TABLE "SoftphoneRevocation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "connectionId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SoftphoneRevocation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SoftphoneRevocation_credentialId_key" ON "SoftphoneRevocation"("credentialId");

-- CreateIndex
CREATE INDEX "SoftphoneRevocation_createdAt_idx" ON "SoftphoneRevocation"("createdAt");

-- CreateIndex
CREATE INDEX "Membership_softphoneSipUsername_idx" ON "Membership"("softphoneSipUsername");

-- A membership that held a softphone credential ends (deleted by any path, cascades included): remember the
-- credential so the softphone.revoke job deletes it at Telnyx, and its login tokens stop working.
CREATE FUNCTION "softphone_revoke_on_membership_end"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SoftphoneRevocation" ("id", "organizationId", "userId", "credentialId", "connectionId", "updatedAt")
  VALUES (gen_random_uuid()::text, OLD."organizationId", OLD."userId", OLD."softphoneCredentialId",
          OLD."softphoneConnectionId", CURRENT_TIMESTAMP)
  ON CONFLICT ("credentialId") DO NOTHING;
  RETURN OLD;
END;
$$;

CREATE TRIGGER "Membership_softphone_revoke"
  AFTER DELETE ON "Membership"
  FOR EACH ROW WHEN (OLD."softphoneCredentialId" IS NOT NULL)
  EXECUTE FUNCTION "softphone_revoke_on_membership_end"();
