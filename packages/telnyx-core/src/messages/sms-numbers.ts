import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import type { TFromNumber } from "./message-schemas";

export const smsNumberSelect = {
  id: true,
  phoneNumber: true,
  countryCode: true,
  assignedUserId: true,
  messagingProfileId: true,
} satisfies Prisma.TelnyxPhoneNumberSelect;

export type SmsNumber = Prisma.TelnyxPhoneNumberGetPayload<{ select: typeof smsNumberSelect }>;

/** ACTIVE SMS-capable numbers of the organization the caller may send from: shared ones and theirs. */
export function listSmsNumbers(options: { db: Db; actor: Actor }): Promise<SmsNumber[]> {
  const { db, actor } = options;
  return db.prisma.telnyxPhoneNumber.findMany({
    where: {
      organizationId: actor.organizationId,
      status: "ACTIVE",
      features: { has: "sms" },
      OR: [{ assignedUserId: null }, { assignedUserId: actor.userId }],
    },
    select: smsNumberSelect,
    orderBy: [{ createdAt: "asc" }, { phoneNumber: "asc" }],
  });
}

export async function listFromNumbers(options: { db: Db; actor: Actor }): Promise<TFromNumber[]> {
  const numbers = await listSmsNumbers(options);
  return numbers.map(({ id, phoneNumber, countryCode, assignedUserId }) => ({
    id,
    phoneNumber,
    countryCode,
    assignedUserId,
  }));
}
