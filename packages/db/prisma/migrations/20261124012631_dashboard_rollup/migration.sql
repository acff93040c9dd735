-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "slaThresholdSecs" INTEGER NOT NULL DEFAULT 20;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "agentPresence" "AgentStatus" NOT NULL DEFAULT 'OFFLINE';

-- CreateTable
CREATE TABLE "CallSupervision" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "callControlId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'DIALING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "CallSupervision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyUsage" (
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "userId" TEXT NOT NULL DEFAULT '',
    "phoneNumberId" TEXT NOT NULL DEFAULT '',
    "calls" INTEGER NOT NULL DEFAULT 0,
    "inbound" INTEGER NOT NULL DEFAULT 0,
    "outbound" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "finished" INTEGER NOT NULL DEFAULT 0,
    "finishedAnswered" INTEGER NOT NULL DEFAULT 0,
    "missed" INTEGER NOT NULL DEFAULT 0,
    "durationSecs" BIGINT NOT NULL DEFAULT 0,
    "answeredWithDuration" INTEGER NOT NULL DEFAULT 0,
    "answeredDurationSecs" BIGINT NOT NULL DEFAULT 0,
    "mosSum" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "mosCount" INTEGER NOT NULL DEFAULT 0,
    "callCost" DECIMAL(14,6) NOT NULL DEFAULT 0,
    "smsSent" INTEGER NOT NULL DEFAULT 0,
    "smsReceived" INTEGER NOT NULL DEFAULT 0,
    "smsDelivered" INTEGER NOT NULL DEFAULT 0,
    "smsFailed" INTEGER NOT NULL DEFAULT 0,
    "smsCost" DECIMAL(14,6) NOT NULL DEFAULT 0,

    CONSTRAINT "DailyUsage_pkey" PRIMARY KEY ("organizationId","day","userId","phoneNumberId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CallSupervision_callControlId_key" ON "CallSupervision"("callControlId");

-- CreateIndex
CREATE INDEX "CallSupervision_callId_userId_idx" ON "CallSupervision"("callId", "userId");

-- CreateIndex
CREATE INDEX "CallSupervision_organizationId_createdAt_idx" ON "CallSupervision"("organizationId", "createdAt");

-- Rollup lookups for one organization and a day range.
CREATE INDEX "DailyUsage_organizationId_userId_day_idx" ON "DailyUsage"("organizationId", "userId", "day");

-- DailyUsage is maintained by triggers so that EVERY write path (webhook appliers, click-to-call, sends,
-- sync, retention, imports) keeps it exact, in the writer's own transaction. A row's contribution is
-- subtracted (OLD) and added again (NEW) when a column that counts changes. Days are local to the
-- organization's time zone; changing the time zone rebuilds the organization's rollup.
CREATE OR REPLACE FUNCTION daily_usage_local_day(org TEXT, at TIMESTAMP) RETURNS DATE AS $$
  SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE COALESCE((SELECT "timeZone" FROM "Organization" WHERE "id" = org), 'UTC'))::date
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION daily_usage_add_call(r "TelnyxCall", s INTEGER) RETURNS VOID AS $$
DECLARE
  is_finished BOOLEAN := r."status" NOT IN ('INITIATED', 'RINGING', 'ANSWERED', 'BRIDGED');
  is_answered BOOLEAN := r."answeredAt" IS NOT NULL;
BEGIN
  INSERT INTO "DailyUsage" AS u ("organizationId", "day", "userId", "phoneNumberId", "calls", "inbound", "outbound", "answered",
    "finished", "finishedAnswered", "missed", "durationSecs", "answeredWithDuration", "answeredDurationSecs", "mosSum", "mosCount", "callCost")
  VALUES (r."organizationId", daily_usage_local_day(r."organizationId", r."createdAt"), COALESCE(r."userId", ''), COALESCE(r."phoneNumberId", ''),
    s,
    CASE WHEN r."direction" = 'INBOUND' THEN s ELSE 0 END,
    CASE WHEN r."direction" = 'OUTBOUND' THEN s ELSE 0 END,
    CASE WHEN is_answered THEN s ELSE 0 END,
    CASE WHEN is_finished THEN s ELSE 0 END,
    CASE WHEN is_finished AND is_answered THEN s ELSE 0 END,
    CASE WHEN is_finished AND NOT is_answered AND r."direction" = 'INBOUND' THEN s ELSE 0 END,
    s * COALESCE(r."durationSecs", 0),
    CASE WHEN is_answered AND r."durationSecs" IS NOT NULL THEN s ELSE 0 END,
    CASE WHEN is_answered THEN s * COALESCE(r."durationSecs", 0) ELSE 0 END,
    s * COALESCE(r."mos", 0),
    CASE WHEN r."mos" IS NOT NULL THEN s ELSE 0 END,
    s * COALESCE(r."cost", 0))
  ON CONFLICT ("organizationId", "day", "userId", "phoneNumberId") DO UPDATE SET
    "calls" = u."calls" + EXCLUDED."calls",
    "inbound" = u."inbound" + EXCLUDED."inbound",
    "outbound" = u."outbound" + EXCLUDED."outbound",
    "answered" = u."answered" + EXCLUDED."answered",
    "finished" = u."finished" + EXCLUDED."finished",
    "finishedAnswered" = u."finishedAnswered" + EXCLUDED."finishedAnswered",
    "missed" = u."missed" + EXCLUDED."missed",
    "durationSecs" = u."durationSecs" + EXCLUDED."durationSecs",
    "answeredWithDuration" = u."answeredWithDuration" + EXCLUDED."answeredWithDuration",
    "answeredDurationSecs" = u."answeredDurationSecs" + EXCLUDED."answeredDurationSecs",
    "mosSum" = u."mosSum" + EXCLUDED."mosSum",
    "mosCount" = u."mosCount" + EXCLUDED."mosCount",
    "callCost" = u."callCost" + EXCLUDED."callCost";
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION daily_usage_add_message(r "TelnyxMessage", s INTEGER) RETURNS VOID AS $$
BEGIN
  INSERT INTO "DailyUsage" AS u ("organizationId", "day", "userId", "phoneNumberId", "smsSent", "smsReceived", "smsDelivered", "smsFailed", "smsCost")
  VALUES (r."organizationId", daily_usage_local_day(r."organizationId", r."createdAt"), COALESCE(r."userId", ''), COALESCE(r."phoneNumberId", ''),
    CASE WHEN r."direction" = 'OUTBOUND' THEN s ELSE 0 END,
    CASE WHEN r."direction" = 'INBOUND' THEN s ELSE 0 END,
    CASE WHEN r."status" = 'DELIVERED' THEN s ELSE 0 END,
    CASE WHEN r."status" IN ('DELIVERY_FAILED', 'SENDING_FAILED', 'EXPIRED') THEN s ELSE 0 END,
    s * COALESCE(r."cost", 0))
  ON CONFLICT ("organizationId", "day", "userId", "phoneNumberId") DO UPDATE SET
    "smsSent" = u."smsSent" + EXCLUDED."smsSent",
    "smsReceived" = u."smsReceived" + EXCLUDED."smsReceived",
    "smsDelivered" = u."smsDelivered" + EXCLUDED."smsDelivered",
    "smsFailed" = u."smsFailed" + EXCLUDED."smsFailed",
    "smsCost" = u."smsCost" + EXCLUDED."smsCost";
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION daily_usage_call_trigger() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM daily_usage_add_call(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM daily_usage_add_call(NEW, 1); END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION daily_usage_message_trigger() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM daily_usage_add_message(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM daily_usage_add_message(NEW, 1); END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "TelnyxCall_daily_usage_insert_delete" AFTER INSERT OR DELETE ON "TelnyxCall"
  FOR EACH ROW EXECUTE FUNCTION daily_usage_call_trigger();
CREATE TRIGGER "TelnyxCall_daily_usage_update" AFTER UPDATE ON "TelnyxCall"
  FOR EACH ROW WHEN (
    OLD."organizationId" IS DISTINCT FROM NEW."organizationId" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt"
    OR OLD."userId" IS DISTINCT FROM NEW."userId" OR OLD."phoneNumberId" IS DISTINCT FROM NEW."phoneNumberId"
    OR OLD."direction" IS DISTINCT FROM NEW."direction" OR OLD."status" IS DISTINCT FROM NEW."status"
    OR OLD."answeredAt" IS DISTINCT FROM NEW."answeredAt" OR OLD."durationSecs" IS DISTINCT FROM NEW."durationSecs"
    OR OLD."mos" IS DISTINCT FROM NEW."mos" OR OLD."cost" IS DISTINCT FROM NEW."cost")
  EXECUTE FUNCTION daily_usage_call_trigger();

CREATE TRIGGER "TelnyxMessage_daily_usage_insert_delete" AFTER INSERT OR DELETE ON "TelnyxMessage"
  FOR EACH ROW EXECUTE FUNCTION daily_usage_message_trigger();
CREATE TRIGGER "TelnyxMessage_daily_usage_update" AFTER UPDATE ON "TelnyxMessage"
  FOR EACH ROW WHEN (
    OLD."organizationId" IS DISTINCT FROM NEW."organizationId" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt"
    OR OLD."userId" IS DISTINCT FROM NEW."userId" OR OLD."phoneNumberId" IS DISTINCT FROM NEW."phoneNumberId"
    OR OLD."direction" IS DISTINCT FROM NEW."direction" OR OLD."status" IS DISTINCT FROM NEW."status"
    OR OLD."cost" IS DISTINCT FROM NEW."cost")
  EXECUTE FUNCTION daily_usage_message_trigger();

-- Recomputes one organization's rollup from the raw rows (time-zone change, bulk imports with triggers off).
CREATE OR REPLACE FUNCTION daily_usage_rebuild(org TEXT) RETURNS VOID AS $$
DECLARE tz TEXT := COALESCE((SELECT "timeZone" FROM "Organization" WHERE "id" = org), 'UTC');
BEGIN
  DELETE FROM "DailyUsage" WHERE "organizationId" = org;
  INSERT INTO "DailyUsage" ("organizationId", "day", "userId", "phoneNumberId", "calls", "inbound", "outbound", "answered",
    "finished", "finishedAnswered", "missed", "durationSecs", "answeredWithDuration", "answeredDurationSecs", "mosSum", "mosCount", "callCost")
  SELECT org, (("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE tz)::date, COALESCE("userId", ''), COALESCE("phoneNumberId", ''),
    count(*),
    count(*) FILTER (WHERE "direction" = 'INBOUND'),
    count(*) FILTER (WHERE "direction" = 'OUTBOUND'),
    count(*) FILTER (WHERE "answeredAt" IS NOT NULL),
    count(*) FILTER (WHERE "status" NOT IN ('INITIATED', 'RINGING', 'ANSWERED', 'BRIDGED')),
    count(*) FILTER (WHERE "status" NOT IN ('INITIATED', 'RINGING', 'ANSWERED', 'BRIDGED') AND "answeredAt" IS NOT NULL),
    count(*) FILTER (WHERE "status" NOT IN ('INITIATED', 'RINGING', 'ANSWERED', 'BRIDGED') AND "answeredAt" IS NULL AND "direction" = 'INBOUND'),
    COALESCE(sum("durationSecs"), 0),
    count(*) FILTER (WHERE "answeredAt" IS NOT NULL AND "durationSecs" IS NOT NULL),
    COALESCE(sum("durationSecs") FILTER (WHERE "answeredAt" IS NOT NULL), 0),
    COALESCE(sum("mos"), 0),
    count("mos"),
    COALESCE(sum("cost"), 0)
  FROM "TelnyxCall" WHERE "organizationId" = org GROUP BY 2, 3, 4;
  INSERT INTO "DailyUsage" AS u ("organizationId", "day", "userId", "phoneNumberId", "smsSent", "smsReceived", "smsDelivered", "smsFailed", "smsCost")
  SELECT org, (("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE tz)::date, COALESCE("userId", ''), COALESCE("phoneNumberId", ''),
    count(*) FILTER (WHERE "direction" = 'OUTBOUND'),
    count(*) FILTER (WHERE "direction" = 'INBOUND'),
    count(*) FILTER (WHERE "status" = 'DELIVERED'),
    count(*) FILTER (WHERE "status" IN ('DELIVERY_FAILED', 'SENDING_FAILED', 'EXPIRED')),
    COALESCE(sum("cost"), 0)
  FROM "TelnyxMessage" WHERE "organizationId" = org GROUP BY 2, 3, 4
  ON CONFLICT ("organizationId", "day", "userId", "phoneNumberId") DO UPDATE SET
    "smsSent" = EXCLUDED."smsSent", "smsReceived" = EXCLUDED."smsReceived", "smsDelivered" = EXCLUDED."smsDelivered",
    "smsFailed" = EXCLUDED."smsFailed", "smsCost" = EXCLUDED."smsCost";
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION daily_usage_time_zone_trigger() RETURNS TRIGGER AS $$
BEGIN
  PERFORM daily_usage_rebuild(NEW."id");
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Organization_daily_usage_time_zone" AFTER UPDATE OF "timeZone" ON "Organization"
  FOR EACH ROW WHEN (OLD."timeZone" IS DISTINCT FROM NEW."timeZone")
  EXECUTE FUNCTION daily_usage_time_zone_trigger();
