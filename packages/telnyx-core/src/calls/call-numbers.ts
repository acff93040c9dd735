/** Which of the organization's numbers a caller may place calls from, and the voice application to dial through. */
import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import { isExplicitFromNumber, pickFromNumber } from "../numbers/pick-from-number";
import type { TCallFromNumber } from "./call-schemas";

/** ACTIVE voice numbers shared by the organization or assigned to the caller. */
export async function listCallFromNumbers(options: { db: Db; actor: Actor }): Promise<TCallFromNumber[]> {
  const { db, actor } = options;
  return db.prisma.telnyxPhoneNumber.findMany({
    where: {
      organizationId: actor.organizationId,
      status: "ACTIVE",
      features: { has: "voice" },
      OR: [{ assignedUserId: null }, { assignedUserId: actor.userId }],
    },
    select: { id: true, phoneNumber: true, countryCode: true, assignedUserId: true },
    orderBy: [{ phoneNumber: "asc" }],
  });
}

/** The number a call is placed from, by the one caller-id rule (numbers/pick-from-number). */
export async function pickCallFromNumber(options: {
  db: Db;
  actor: Actor;
  fromNumberId?: string;
  fromNumber?: string;
  to: string;
}): Promise<TCallFromNumber> {
  const usable = await listCallFromNumbers(options);
  const picked = pickFromNumber(usable, { ...options, userId: options.actor.userId });
  if (picked) return picked;
  if (isExplicitFromNumber(options)) {
    throw new AppError(
      "VALIDATION",
      "This number cannot place calls: it is not active, not voice-enabled or assigned to another agent.",
      {
        fieldErrors: { [options.fromNumberId ? "fromNumberId" : "fromNumber"]: ["invalid_from_number"] },
      },
    );
  }
  throw new AppError(
    "VALIDATION",
    "No active voice number is available to call from: buy one (or ask an admin to assign one) first.",
  );
}

/** Telnyx id of the organization's Call Control application (the dial's connection_id). */
export async function requireVoiceConnection(db: Db, organizationId: string): Promise<string> {
  const connection = await db.prisma.telnyxConnection.findFirst({
    where: { organizationId, kind: "CALL_CONTROL_APPLICATION", active: true },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
    select: { telnyxId: true },
  });
  if (!connection)
    throw new AppError(
      "VALIDATION",
      "No Call Control application is set up: create one under Telnyx → Connections first.",
    );
  return connection.telnyxId;
}

/** The agent's own phone or SIP address, dialed first in click-to-call. */
export async function requireAgentDevice(db: Db, userId: string): Promise<string> {
  const user = await db.prisma.user.findUnique({ where: { id: userId }, select: { agentDevice: true } });
  const device = user?.agentDevice?.trim();
  if (!device) {
    throw new AppError("VALIDATION", "Set your phone number or SIP address in your profile first", {
      fieldErrors: { agentDevice: ["required"] },
    });
  }
  return device;
}
