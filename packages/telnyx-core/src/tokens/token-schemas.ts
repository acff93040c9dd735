import { z } from "zod";
import type { Prisma } from "@app/db/client";

export const ZTokenRoleSchema = z.enum(["ADMIN", "SUPERVISOR", "AGENT"]);

export const ZApiTokenCreateSchema = z.object({
  name: z.string({ message: "required" }).trim().min(1, "required").max(100, "too_long"),
  role: ZTokenRoleSchema,
  expiresAt: z.coerce
    .date()
    .refine((date) => date.getTime() > Date.now(), "must_be_future")
    .optional(),
});
export type TApiTokenCreate = z.infer<typeof ZApiTokenCreateSchema>;

export const ZApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** First characters of the token, so people can tell tokens apart; the rest is never stored. */
  prefix: z.string(),
  role: ZTokenRoleSchema,
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
  userId: z.string(),
  userName: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiTokenSchema>;

export const ZApiTokenCreatedSchema = z.object({
  /** The plain token: shown once, only its hash is kept. */
  token: z.string(),
  item: ZApiTokenSchema,
});
export type TApiTokenCreated = z.infer<typeof ZApiTokenCreatedSchema>;

export const apiTokenSelect = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
  userId: true,
  user: { select: { name: true } },
} satisfies Prisma.ApiTokenSelect;

type SelectedToken = Prisma.ApiTokenGetPayload<{ select: typeof apiTokenSelect }>;

export function toApiTokenDto({ user, ...row }: SelectedToken): TApiToken {
  return { ...row, userName: user?.name ?? null };
}
