import type { TelnyxPhoneNumber } from "@app/db/client";
import type { OwnedPhoneNumber } from "../gateway/numbers-api";
import { countryOf } from "../phone/phone-numbers";
import { organizationConnectionIds, type SyncContext } from "./sync-context";

/** A purchase younger than this may not be listed by Telnyx yet: left alone. */
const PENDING_GRACE_MS = 10 * 60_000;

const shown = (id: string | null) => id ?? "none";

function publishNumber(
  ctx: SyncContext,
  row: Pick<TelnyxPhoneNumber, "id" | "phoneNumber" | "status" | "updatedAt">,
): void {
  ctx.publisher.toOrganization(ctx.organizationId, "number:updated", {
    id: row.id,
    phoneNumber: row.phoneNumber,
    status: row.status,
    updatedAt: row.updatedAt,
  });
}

async function reconcileKnown(ctx: SyncContext, local: TelnyxPhoneNumber, remote: OwnedPhoneNumber): Promise<void> {
  const data: Partial<TelnyxPhoneNumber> = { telnyxId: remote.id, syncedAt: ctx.now, tags: remote.tags };
  const descriptions: string[] = [];
  if (
    remote.status === "active" &&
    (local.status === "PURCHASE_PENDING" || local.status === "RELEASED" || local.status === "FAILED")
  ) {
    data.status = "ACTIVE";
    data.releasedAt = null;
    ctx.report.change(
      local.status === "PURCHASE_PENDING" ? "number.activated" : "number.imported",
      `${local.phoneNumber} is active in Telnyx: marked active.`,
    );
  }
  if (remote.connectionId !== local.connectionId) {
    data.connectionId = remote.connectionId;
    descriptions.push(
      `voice connection changed in Telnyx to ${shown(remote.connectionId)} (was ${shown(local.connectionId)})`,
    );
  }
  if (remote.messagingProfileId !== local.messagingProfileId) {
    data.messagingProfileId = remote.messagingProfileId;
    descriptions.push(
      `messaging profile changed in Telnyx to ${shown(remote.messagingProfileId)} (was ${shown(local.messagingProfileId)})`,
    );
  }
  if (descriptions.length > 0) ctx.report.change("number.changed", `${local.phoneNumber}: ${descriptions.join("; ")}.`);
  const row = await ctx.db.prisma.telnyxPhoneNumber.update({ where: { id: local.id }, data });
  if (data.status || descriptions.length > 0) publishNumber(ctx, row);
}

async function importNumber(ctx: SyncContext, remote: OwnedPhoneNumber): Promise<void> {
  const features = [...(remote.connectionId ? ["voice"] : []), ...(remote.messagingProfileId ? ["sms"] : [])];
  const row = await ctx.db.prisma.telnyxPhoneNumber.create({
    data: {
      organizationId: ctx.organizationId,
      telnyxId: remote.id,
      phoneNumber: remote.phoneNumber,
      countryCode: countryOf(remote.phoneNumber) ?? "",
      numberType: remote.phoneNumberType ?? "local",
      status: remote.status === "active" ? "ACTIVE" : "PURCHASE_PENDING",
      features,
      connectionId: remote.connectionId,
      messagingProfileId: remote.messagingProfileId,
      tags: remote.tags,
      purchasedAt: remote.purchasedAt ? new Date(remote.purchasedAt) : ctx.now,
      syncedAt: ctx.now,
    },
  });
  ctx.report.change("number.imported", `${remote.phoneNumber} was bought directly in Telnyx: added.`);
  publishNumber(ctx, row);
}

/**
 * Phone numbers, both ways: numbers bought in Telnyx are added (on a shared account only those
 * attached to one of the organization's applications or profiles), numbers gone from Telnyx are
 * marked released, and a connection or profile changed behind our back is recorded and reported.
 */
export async function syncNumbers(ctx: SyncContext): Promise<void> {
  const { db, organizationId, report } = ctx;
  const remote = await ctx.read(() => ctx.gateway.listPhoneNumbers());
  const ours = await db.prisma.telnyxPhoneNumber.findMany({ where: { organizationId } });
  const { applications, profiles } = await organizationConnectionIds(ctx);
  report.count("numbers", remote.length);
  const matched = new Set<string>();

  for (const number of remote) {
    const local =
      ours.find((row) => row.telnyxId === number.id && row.status !== "RELEASED") ??
      ours.find((row) => row.phoneNumber === number.phoneNumber && row.status !== "RELEASED") ??
      ours.find((row) => row.phoneNumber === number.phoneNumber);
    const isOurs =
      ctx.isOwnAccount || applications.has(number.connectionId ?? "") || profiles.has(number.messagingProfileId ?? "");
    if (local && (local.status !== "RELEASED" || isOurs)) {
      matched.add(local.id);
      // A purchase in flight is settled (and configured) by the numbers domain: webhook or order poll.
      if (local.status === "PURCHASE_PENDING" && local.numberOrderId) continue;
      await reconcileKnown(ctx, local, number);
      continue;
    }
    const elsewhere = await db.prisma.telnyxPhoneNumber.findFirst({
      where: { phoneNumber: number.phoneNumber, organizationId: { not: organizationId }, status: { not: "RELEASED" } },
      select: { id: true },
    });
    if (!isOurs || elsewhere) {
      report.count("numbersNotOurs");
      continue;
    }
    await importNumber(ctx, number);
  }

  for (const local of ours) {
    if (matched.has(local.id) || local.status === "RELEASED" || local.status === "FAILED") continue;
    if (local.status === "PURCHASE_PENDING" && ctx.now.getTime() - local.createdAt.getTime() < PENDING_GRACE_MS)
      continue;
    const status = local.status === "PURCHASE_PENDING" ? "FAILED" : "RELEASED";
    const row = await db.prisma.telnyxPhoneNumber.update({
      where: { id: local.id },
      data: { status, releasedAt: status === "RELEASED" ? ctx.now : null, syncedAt: ctx.now },
    });
    report.change(
      status === "RELEASED" ? "number.released" : "number.purchase_failed",
      status === "RELEASED"
        ? `${local.phoneNumber} no longer exists in Telnyx (released there): marked released.`
        : `${local.phoneNumber} was never completed in Telnyx: purchase marked failed.`,
    );
    publishNumber(ctx, row);
  }
}
