import type { Role } from "@app/db/client";
import type { Db } from "@app/db/open-db";

export interface MemberKey {
  organizationId: string;
  userId: string;
}

export const memberKeyOf = (member: MemberKey) => `${member.organizationId}:${member.userId}`;

/** Current roles of these members, by memberKeyOf (absent: no longer a member). One query for any number. */
export async function memberRolesOf(db: Db, members: readonly MemberKey[]): Promise<Map<string, Role>> {
  if (members.length === 0) return new Map();
  const rows = await db.query<MemberKey & { role: Role }>(
    `SELECT m."organizationId", m."userId", m."role" FROM "Membership" m
     JOIN unnest($1::text[], $2::text[]) AS k("organizationId", "userId")
       ON m."organizationId" = k."organizationId" AND m."userId" = k."userId"`,
    [members.map((member) => member.organizationId), members.map((member) => member.userId)],
  );
  return new Map(rows.map((row) => [memberKeyOf(row), row.role]));
}

export async function memberRoleOf(db: Db, member: MemberKey): Promise<Role | null> {
  return (await memberRolesOf(db, [member])).get(memberKeyOf(member)) ?? null;
}
