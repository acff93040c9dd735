import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { AppError, isAppError } from "../errors/app-error";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { TExpectedWebhooks } from "../connections/connection-schemas";
import { ensureCredentialConnection } from "./ensure-credential-connection";
import { credentialNameOf, expiryOfToken, SOFTPHONE_CREDENTIAL_TAG, type TSoftphoneToken } from "./softphone-schemas";

const memberSelect = {
  id: true,
  softphoneCredentialId: true,
  softphoneSipUsername: true,
  softphoneConnectionId: true,
} as const;
type MemberCredential = { id: string; softphoneCredentialId: string | null; softphoneSipUsername: string | null };

/**
 * A fresh login token for the signed-in member's browser softphone. Their telephony credential is created on the
 * first request (on the organization's credential connection, itself created when missing) and kept on the
 * membership; a credential Telnyx no longer knows (deleted in the portal, connection removed) is replaced once.
 * Every call mints a new token, so a second call before expiry refreshes it.
 */
export async function issueSoftphoneToken(options: {
  db: Db;
  actor: Actor;
  gatewayFor: (organizationId: string) => Promise<TelnyxGateway>;
  expected: TExpectedWebhooks | null;
  host?: string;
}): Promise<TSoftphoneToken> {
  const { db, actor } = options;
  const gateway = await options.gatewayFor(actor.organizationId);
  let member = await findMember(db, actor);
  for (let attempt = 0; ; attempt++) {
    const credential = await credentialOf(db, gateway, actor, member, options.expected);
    try {
      const token = await gateway.createLoginToken(credential.id);
      return {
        token,
        expiresAt: expiryOfToken(token) ?? new Date(Date.now() + 3600_000),
        sipUsername: credential.sipUsername,
        ...(options.host ? { host: options.host } : {}),
      };
    } catch (error) {
      if (attempt > 0 || !isAppError(error) || error.code !== "TELNYX_NOT_FOUND") throw error;
      await db.prisma.membership.updateMany({
        where: { id: member.id, softphoneCredentialId: credential.id },
        data: clearedCredential,
      });
      member = await findMember(db, actor);
    }
  }
}

export const clearedCredential = {
  softphoneCredentialId: null,
  softphoneSipUsername: null,
  softphoneConnectionId: null,
  softphoneCredentialAt: null,
};

async function findMember(db: Db, actor: Actor): Promise<MemberCredential> {
  const member = await db.prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId: actor.organizationId, userId: actor.userId } },
    select: memberSelect,
  });
  if (!member) throw new AppError("FORBIDDEN", "You are no longer a member of this organization.");
  return member;
}

async function credentialOf(
  db: Db,
  gateway: TelnyxGateway,
  actor: Actor,
  member: MemberCredential,
  expected: TExpectedWebhooks | null,
): Promise<{ id: string; sipUsername: string }> {
  if (member.softphoneCredentialId && member.softphoneSipUsername)
    return { id: member.softphoneCredentialId, sipUsername: member.softphoneSipUsername };

  const connection = await ensureCredentialConnection({
    db,
    gateway,
    organizationId: actor.organizationId,
    expected,
  });
  const created = await gateway.createTelephonyCredential({
    connectionId: connection.telnyxId,
    name: credentialNameOf(member.id),
    tag: SOFTPHONE_CREDENTIAL_TAG,
  });
  if (!created.id || !created.sip_username)
    throw new AppError("TELNYX_ERROR", "Telnyx answered without the new softphone credential's id or SIP user name.");
  // Two first requests at once (two tabs): the first stored wins, the other credential is removed from Telnyx.
  const stored = await db.prisma.membership.updateMany({
    where: { id: member.id, softphoneCredentialId: null },
    data: {
      softphoneCredentialId: created.id,
      softphoneSipUsername: created.sip_username,
      softphoneConnectionId: connection.telnyxId,
      softphoneCredentialAt: new Date(),
    },
  });
  if (stored.count === 1) return { id: created.id, sipUsername: created.sip_username };
  await gateway.deleteTelephonyCredential(created.id).catch(() => undefined);
  const winner = await findMember(db, actor);
  if (!winner.softphoneCredentialId || !winner.softphoneSipUsername)
    throw new AppError("CONFLICT", "Your softphone was being set up by another request: try again.");
  return { id: winner.softphoneCredentialId, sipUsername: winner.softphoneSipUsername };
}
