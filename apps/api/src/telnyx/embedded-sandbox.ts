/**
 * Zero set-up mode: the Telnyx sandbox runs inside the API process. Its world lives in memory, so
 * at every start it is rebuilt from our database (applications, messaging profiles, numbers, credential
 * connections and agents' softphone credentials keep their ids), webhook URLs point at this process, and on
 * first start the demo organization
 * gets an application, a messaging profile and two numbers already bought (a French mobile, a US local).
 */
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import path from "node:path";
import type { Db } from "@app/db/open-db";
import { SOFTPHONE_CREDENTIAL_TAG } from "@app/telnyx-core/softphone/softphone-schemas";
import { DEMO_QUEUE_NAME } from "@app/db/seed";
import { startSandbox, type Sandbox } from "@app/telnyx-sandbox/server";
import { webhookUrls } from "./webhook-urls";

export const SANDBOX_API_KEY = "KEYSANDBOX_LOCAL_ONLY";

// One French mobile and one US local number, so a newcomer can call and text at once. Their features are the ones
// the sandbox (as Telnyx) gives such numbers: a French geographic number would be voice-only.
const DEMO_NUMBERS = [
  { phoneNumber: "+33757650100", countryCode: "FR", numberType: "mobile", features: ["sms", "voice"] },
  {
    phoneNumber: "+13125550100",
    countryCode: "US",
    numberType: "local",
    features: ["sms", "mms", "voice", "fax", "emergency"],
  },
] as const;

export async function startEmbeddedSandbox(options: {
  port: number;
  dataDir: string;
  timeScale?: number;
}): Promise<Sandbox> {
  return startSandbox({
    port: options.port,
    dataDir: path.join(options.dataDir, "sandbox"),
    apiKey: SANDBOX_API_KEY,
    timeScale: options.timeScale,
  });
}

/**
 * Demo organization's Telnyx resources, in our database (idempotent). Its numbers route to the demo queue
 * (`routeToQueue`, "Sales" by default; null: no route, the legacy ringing).
 */
export async function seedDemoTelnyx(
  db: Db,
  organizationId: string,
  options: { routeToQueue?: string | null } = {},
): Promise<void> {
  const existing = await db.prisma.telnyxConnection.count({ where: { organizationId } });
  if (existing > 0) return;
  const queueName = options.routeToQueue === undefined ? DEMO_QUEUE_NAME : options.routeToQueue;
  const queue = queueName
    ? await db.prisma.callQueue.findUnique({
        where: { organizationId_name: { organizationId, name: queueName } },
        select: { id: true },
      })
    : null;
  // Telnyx's id shapes: numeric application ids, UUID messaging profile ids.
  const applicationId = `2${String(randomInt(1e9)).padStart(9, "0")}${String(randomInt(1e9)).padStart(9, "0")}`;
  const [app, profile] = await Promise.all([
    db.prisma.telnyxConnection.create({
      data: {
        organizationId,
        kind: "CALL_CONTROL_APPLICATION",
        telnyxId: applicationId,
        name: "CRM voice",
        callCostInWebhooks: true,
        isDefault: true,
      },
    }),
    db.prisma.telnyxConnection.create({
      data: {
        organizationId,
        kind: "MESSAGING_PROFILE",
        telnyxId: randomUUID(),
        name: "CRM messaging",
        isDefault: true,
      },
    }),
  ]);
  for (const number of DEMO_NUMBERS) {
    await db.prisma.telnyxPhoneNumber.create({
      data: {
        organizationId,
        telnyxId: `2${String(randomInt(1e9)).padStart(9, "0")}${number.phoneNumber.slice(-8)}`,
        phoneNumber: number.phoneNumber,
        countryCode: number.countryCode,
        numberType: number.numberType,
        status: "ACTIVE",
        features: [...number.features],
        connectionId: app.telnyxId,
        messagingProfileId: profile.telnyxId,
        monthlyCost: "1.000000",
        upfrontCost: "1.000000",
        tags: ["crm"],
        purchasedAt: new Date(),
        ...(queue ? { routeKind: "queue", routeQueueId: queue.id } : {}),
      },
    });
  }
}

/** Rebuilds the sandbox's in-memory account from our database, pointing webhooks at each organization's endpoint under `baseUrl`. */
export async function restoreSandboxWorld(db: Db, sandbox: Sandbox, baseUrl: string): Promise<void> {
  const connections = await db.prisma.telnyxConnection.findMany({
    where: { active: true },
    include: { organization: { select: { webhookToken: true } } },
  });
  for (const connection of connections) {
    const urls = webhookUrls(baseUrl, connection.organization.webhookToken);
    if (connection.kind === "CALL_CONTROL_APPLICATION") {
      sandbox.world.createCallControlApplication({
        id: connection.telnyxId,
        application_name: connection.name,
        webhook_event_url: urls.calls,
        webhook_event_failover_url: urls.any,
        call_cost_in_webhooks: true,
      });
    } else if (connection.kind === "MESSAGING_PROFILE") {
      sandbox.world.createMessagingProfile({
        id: connection.telnyxId,
        name: connection.name,
        whitelisted_destinations: ["*"],
        webhook_url: urls.messages,
        webhook_failover_url: urls.any,
      });
    } else {
      // Its SIP login is never kept (agents use tokens): a fresh one is as good.
      sandbox.world.createCredentialConnection({
        id: connection.telnyxId,
        connection_name: connection.name,
        user_name: `crm${randomBytes(12).toString("hex")}`,
        password: randomBytes(24).toString("base64url"),
        webhook_event_url: urls.calls,
        webhook_event_failover_url: urls.any,
        sip_uri_calling_preference: "internal",
      });
    }
  }
  // Agents' softphone credentials keep their ids and SIP user names (Call Control rings sip:<user>@sip.telnyx.com).
  const members = await db.prisma.membership.findMany({
    where: { softphoneCredentialId: { not: null } },
    select: { softphoneCredentialId: true, softphoneSipUsername: true, softphoneConnectionId: true },
  });
  for (const member of members) {
    if (!member.softphoneConnectionId || !sandbox.world.credentialConnections.has(member.softphoneConnectionId))
      continue;
    sandbox.world.telephonyCredentials.create(
      {
        id: member.softphoneCredentialId ?? undefined,
        sip_username: member.softphoneSipUsername ?? undefined,
        connection_id: member.softphoneConnectionId,
        tag: SOFTPHONE_CREDENTIAL_TAG,
      },
      sandbox.world.accounts.defaultAccount,
    );
  }
  const organizations = await db.prisma.organization.findMany({ select: { id: true, webhookToken: true } });
  for (const { id: organizationId, webhookToken } of organizations) {
    const urls = webhookUrls(baseUrl, webhookToken);
    await db.prisma.telnyxConnection.updateMany({
      where: { organizationId, kind: "CALL_CONTROL_APPLICATION" },
      data: { webhookUrl: urls.calls, webhookFailoverUrl: urls.any, callCostInWebhooks: true },
    });
    await db.prisma.telnyxConnection.updateMany({
      where: { organizationId, kind: "MESSAGING_PROFILE" },
      data: { webhookUrl: urls.messages, webhookFailoverUrl: urls.any },
    });
  }
  // Every number someone holds, bought or still being bought or released: the sandbox must never offer it
  // as available again (Telnyx lists no owned number in a search).
  const numbers = await db.prisma.telnyxPhoneNumber.findMany({
    where: { status: { in: ["PURCHASE_PENDING", "ACTIVE", "RELEASE_PENDING"] } },
  });
  for (const number of numbers) {
    sandbox.world.provisionNumber({
      id: number.telnyxId ?? undefined,
      phoneNumber: number.phoneNumber,
      connectionId: number.connectionId,
      messagingProfileId: number.messagingProfileId,
      // Type and features from the number itself, as Telnyx holds them (not from our copy, which may predate a fix).
      tags: number.tags,
    });
  }
}
