-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "clientStateSecret" TEXT NOT NULL DEFAULT rtrim(translate(encode(decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/', '-_'), '='),
ADD COLUMN     "webhookToken" TEXT NOT NULL DEFAULT rtrim(translate(encode(decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/', '-_'), '=');

-- CreateIndex
CREATE UNIQUE INDEX "Organization_webhookToken_key" ON "Organization"("webhookToken");
