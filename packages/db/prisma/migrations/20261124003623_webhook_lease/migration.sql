-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "lockedUntil" TIMESTAMP(3);
