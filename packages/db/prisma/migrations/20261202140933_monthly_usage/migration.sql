-- CreateTable
CREATE TABLE "MonthlyUsage" (
    "organizationId" TEXT NOT NULL,
    "month" DATE NOT NULL,
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

    CONSTRAINT "MonthlyUsage_pkey" PRIMARY KEY ("organizationId","month","userId","phoneNumberId")
);

-- CreateIndex
CREATE INDEX "MonthlyUsage_organizationId_userId_month_idx" ON "MonthlyUsage"("organizationId", "userId", "month");

-- MonthlyUsage follows DailyUsage row by row, in the writer's transaction: every change to a day
-- (the call / message triggers' upserts, a time-zone rebuild's delete and re-insert) adds its
-- difference to that day's month. Days are already local to the organization's time zone.
CREATE OR REPLACE FUNCTION monthly_usage_add(d "DailyUsage", s INTEGER) RETURNS VOID AS $$
BEGIN
  INSERT INTO "MonthlyUsage" AS m ("organizationId", "month", "userId", "phoneNumberId", "calls", "inbound", "outbound", "answered",
    "finished", "finishedAnswered", "missed", "durationSecs", "answeredWithDuration", "answeredDurationSecs", "mosSum", "mosCount",
    "callCost", "smsSent", "smsReceived", "smsDelivered", "smsFailed", "smsCost")
  VALUES (d."organizationId", date_trunc('month', d."day")::date, d."userId", d."phoneNumberId", s * d."calls", s * d."inbound",
    s * d."outbound", s * d."answered", s * d."finished", s * d."finishedAnswered", s * d."missed", s * d."durationSecs",
    s * d."answeredWithDuration", s * d."answeredDurationSecs", s * d."mosSum", s * d."mosCount", s * d."callCost", s * d."smsSent",
    s * d."smsReceived", s * d."smsDelivered", s * d."smsFailed", s * d."smsCost")
  ON CONFLICT ("organizationId", "month", "userId", "phoneNumberId") DO UPDATE SET
    "calls" = m."calls" + EXCLUDED."calls",
    "inbound" = m."inbound" + EXCLUDED."inbound",
    "outbound" = m."outbound" + EXCLUDED."outbound",
    "answered" = m."answered" + EXCLUDED."answered",
    "finished" = m."finished" + EXCLUDED."finished",
    "finishedAnswered" = m."finishedAnswered" + EXCLUDED."finishedAnswered",
    "missed" = m."missed" + EXCLUDED."missed",
    "durationSecs" = m."durationSecs" + EXCLUDED."durationSecs",
    "answeredWithDuration" = m."answeredWithDuration" + EXCLUDED."answeredWithDuration",
    "answeredDurationSecs" = m."answeredDurationSecs" + EXCLUDED."answeredDurationSecs",
    "mosSum" = m."mosSum" + EXCLUDED."mosSum",
    "mosCount" = m."mosCount" + EXCLUDED."mosCount",
    "callCost" = m."callCost" + EXCLUDED."callCost",
    "smsSent" = m."smsSent" + EXCLUDED."smsSent",
    "smsReceived" = m."smsReceived" + EXCLUDED."smsReceived",
    "smsDelivered" = m."smsDelivered" + EXCLUDED."smsDelivered",
    "smsFailed" = m."smsFailed" + EXCLUDED."smsFailed",
    "smsCost" = m."smsCost" + EXCLUDED."smsCost";
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION monthly_usage_trigger() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM monthly_usage_add(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM monthly_usage_add(NEW, 1); END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Off while daily_usage_rebuild rewrites an organization's days: it rebuilds the months in one statement.
CREATE TRIGGER "DailyUsage_monthly_usage" AFTER INSERT OR UPDATE OR DELETE ON "DailyUsage"
  FOR EACH ROW WHEN (current_setting('app.usage_rebuild', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION monthly_usage_trigger();

-- The months of what DailyUsage holds, for one organization or (NULL) all of them.
CREATE OR REPLACE FUNCTION monthly_usage_fill(org TEXT) RETURNS VOID AS $$
  INSERT INTO "MonthlyUsage" ("organizationId", "month", "userId", "phoneNumberId", "calls", "inbound", "outbound", "answered",
    "finished", "finishedAnswered", "missed", "durationSecs", "answeredWithDuration", "answeredDurationSecs", "mosSum", "mosCount",
    "callCost", "smsSent", "smsReceived", "smsDelivered", "smsFailed", "smsCost")
  SELECT "organizationId", date_trunc('month', "day")::date, "userId", "phoneNumberId", sum("calls"), sum("inbound"), sum("outbound"),
    sum("answered"), sum("finished"), sum("finishedAnswered"), sum("missed"), sum("durationSecs"), sum("answeredWithDuration"),
    sum("answeredDurationSecs"), sum("mosSum"), sum("mosCount"), sum("callCost"), sum("smsSent"), sum("smsReceived"), sum("smsDelivered"),
    sum("smsFailed"), sum("smsCost")
  FROM "DailyUsage" WHERE org IS NULL OR "organizationId" = org GROUP BY 1, 2, 3, 4
$$ LANGUAGE sql;

-- A time-zone change (or a bulk import) rebuilds the days, then the months from them in one statement.
CREATE OR REPLACE FUNCTION daily_usage_rebuild(org TEXT) RETURNS VOID AS $$
DECLARE tz TEXT := COALESCE((SELECT "timeZone" FROM "Organization" WHERE "id" = org), 'UTC');
BEGIN
  PERFORM set_config('app.usage_rebuild', 'on', true);
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
  DELETE FROM "MonthlyUsage" WHERE "organizationId" = org;
  PERFORM monthly_usage_fill(org);
  PERFORM set_config('app.usage_rebuild', 'off', true);
END
$$ LANGUAGE plpgsql;

-- Existing installations: the months of what DailyUsage already holds.
SELECT monthly_usage_fill(NULL);
