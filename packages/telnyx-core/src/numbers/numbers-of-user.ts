import type { Prisma } from "@app/db/client";

/** The numbers a user works with: the organization's shared ones (assigned to nobody) and those assigned to them. */
export function usableByUser(userId: string): Prisma.TelnyxPhoneNumberWhereInput {
  return { OR: [{ assignedUserId: null }, { assignedUserId: userId }] };
}
