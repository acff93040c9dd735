-- CreateEnum
CREATE TYPE "RingStrategy" AS ENUM ('ALL', 'ROUND_ROBIN', 'LONGEST_IDLE');

-- CreateEnum
CREATE TYPE "InboundOutcome" AS ENUM ('ANSWERED', 'VOICEMAIL', 'MISSED', 'ABANDONED');

-- CreateEnum
CREATE TYPE "QueueEntryStatus" AS ENUM ('WAITING', 'ANSWERED', 'VOICEMAIL', 'MISSED');

-- CreateEnum
CREATE TYPE "CallbackReason" AS ENUM ('VOICEMAIL', 'MISSED');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "businessHours" JSONB,
ADD COLUMN     "voicemailGreeting" TEXT;

-- AlterTable
ALTER TABLE "TelnyxCall" ADD COLUMN     "inboundOutcome" "InboundOutcome",
ADD COLUMN     "queueId" TEXT;

-- AlterTable
ALTER TABLE "TelnyxPhoneNumber" ADD COLUMN     "routeKind" TEXT,
ADD COLUMN     "routeQueueId" TEXT,
ADD COLUMN     "routeUserId" TEXT;

-- CreateTable
CREATE TABLE "CallQueue" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "strategy" "RingStrategy" NOT NULL DEFAULT 'ROUND_ROBIN',
    "ringTimeoutSecs" INTEGER NOT NULL DEFAULT 20,
    "maxWaitSecs" INTEGER NOT NULL DEFAULT 60,
    "holdMessage" TEXT,
    "announcePosition" BOOLEAN NOT NULL DEFAULT false,
    "lastOfferedUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallQueue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallQueueMember" (
    "id" TEXT NOT NULL,
    "queueId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallQueueMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QueueEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "queueId" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "status" "QueueEntryStatus" NOT NULL DEFAULT 'WAITING',
    "enqueuedAt" TIMESTAMP(3),
    "ringingUserIds" TEXT[],
    "triedUserIds" TEXT[],
    "declinedUserIds" TEXT[],
    "ringDueAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "answeredByUserId" TEXT,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QueueEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Callback" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "reason" "CallbackReason" NOT NULL,
    "queueId" TEXT,
    "assigneeUserId" TEXT,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Callback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CallQueue_organizationId_name_key" ON "CallQueue"("organizationId", "name");

-- CreateIndex
CREATE INDEX "CallQueueMember_userId_idx" ON "CallQueueMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CallQueueMember_queueId_userId_key" ON "CallQueueMember"("queueId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "QueueEntry_callId_key" ON "QueueEntry"("callId");

-- CreateIndex
CREATE INDEX "QueueEntry_status_ringDueAt_idx" ON "QueueEntry"("status", "ringDueAt");

-- CreateIndex
CREATE INDEX "QueueEntry_queueId_status_idx" ON "QueueEntry"("queueId", "status");

-- CreateIndex
CREATE INDEX "QueueEntry_organizationId_createdAt_idx" ON "QueueEntry"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Callback_callId_key" ON "Callback"("callId");

-- CreateIndex
CREATE INDEX "Callback_organizationId_doneAt_createdAt_idx" ON "Callback"("organizationId", "doneAt", "createdAt");

-- CreateIndex
CREATE INDEX "Callback_assigneeUserId_idx" ON "Callback"("assigneeUserId");

-- CreateIndex
CREATE INDEX "TelnyxCall_queueId_createdAt_idx" ON "TelnyxCall"("queueId", "createdAt");

-- CreateIndex
CREATE INDEX "TelnyxPhoneNumber_routeQueueId_idx" ON "TelnyxPhoneNumber"("routeQueueId");

-- AddForeignKey
ALTER TABLE "TelnyxPhoneNumber" ADD CONSTRAINT "TelnyxPhoneNumber_routeQueueId_fkey" FOREIGN KEY ("routeQueueId") REFERENCES "CallQueue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TelnyxPhoneNumber" ADD CONSTRAINT "TelnyxPhoneNumber_routeUserId_fkey" FOREIGN KEY ("routeUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TelnyxCall" ADD CONSTRAINT "TelnyxCall_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "CallQueue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallQueue" ADD CONSTRAINT "CallQueue_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallQueueMember" ADD CONSTRAINT "CallQueueMember_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "CallQueue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallQueueMember" ADD CONSTRAINT "CallQueueMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueEntry" ADD CONSTRAINT "QueueEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueEntry" ADD CONSTRAINT "QueueEntry_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "CallQueue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueEntry" ADD CONSTRAINT "QueueEntry_callId_fkey" FOREIGN KEY ("callId") REFERENCES "TelnyxCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Callback" ADD CONSTRAINT "Callback_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Callback" ADD CONSTRAINT "Callback_callId_fkey" FOREIGN KEY ("callId") REFERENCES "TelnyxCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Callback" ADD CONSTRAINT "Callback_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "CallQueue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Callback" ADD CONSTRAINT "Callback_assigneeUserId_fkey" FOREIGN KEY ("assigneeUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
