import { z } from "zod";
import { AppError } from "@app/telnyx-core/errors/app-error";
import { toE164 } from "@app/telnyx-core/phone/phone-numbers";
import { recordAudit } from "@app/telnyx-core/audit/record-audit";
import { burnPasswordCheck, verifyPassword } from "../../auth/passwords";
import { createSession, deleteSession } from "../../auth/sessions";
import type { Context } from "../../trpc/context";
import { protectedProcedure, publicProcedure, router } from "../../trpc/trpc";

/** The phone (E.164) or SIP address an agent's calls ring first. */
const ZAgentDevice = z
  .string()
  .trim()
  .max(200, "too_long")
  .refine((value) => value === "" || /^sip:[^\s@]+@[^\s@]+$/i.test(value) || toE164(value) !== null, "invalid_device")
  .transform((value) => (value === "" ? null : value.toLowerCase().startsWith("sip:") ? value : toE164(value)));

const ZProfileUpdateSchema = z.object({
  name: z.string().trim().min(1, "required").max(100, "too_long").optional(),
  locale: z.enum(["en", "fr"]).optional(),
  agentDevice: ZAgentDevice.nullish(),
});

export const ZMeSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.string(),
    agentDevice: z.string().nullable(),
  }),
  organization: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  role: z.enum(["ADMIN", "SUPERVISOR", "AGENT"]),
});
export type TMe = z.infer<typeof ZMeSchema>;

const ZLoginSchema = z.object({
  email: z.string().trim().min(1, "required").max(254, "too_long").toLowerCase(),
  password: z.string().min(1, "required").max(200, "too_long"),
});

async function loadMe(ctx: Context, userId: string, organizationId: string): Promise<TMe | null> {
  const membership = await ctx.db.prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    select: {
      role: true,
      user: { select: { id: true, email: true, name: true, locale: true, agentDevice: true } },
      organization: { select: { id: true, name: true, slug: true } },
    },
  });
  return membership ? { user: membership.user, organization: membership.organization, role: membership.role } : null;
}

export const authRouter = router({
  me: publicProcedure
    .output(ZMeSchema.nullable())
    .query(({ ctx }) => (ctx.auth ? loadMe(ctx, ctx.auth.userId, ctx.auth.organizationId) : null)),

  login: publicProcedure
    .input(ZLoginSchema)
    .output(ZMeSchema)
    .mutation(async ({ ctx, input }) => {
      const wait = await ctx.loginLimiter.retryAfter(ctx.ip, input.email);
      if (wait > 0) {
        throw new AppError("TOO_MANY_ATTEMPTS", `Too many login attempts. Try again in ${wait} seconds.`, {
          retryAfterSecs: wait,
        });
      }
      const user = await ctx.db.prisma.user.findUnique({
        where: { email: input.email },
        select: {
          id: true,
          passwordHash: true,
          memberships: { select: { organizationId: true }, orderBy: { createdAt: "asc" }, take: 1 },
        },
      });
      // An unknown email costs the same time as a wrong password: no account enumeration by timing.
      if (!user) await burnPasswordCheck(input.password);
      const isValid = user ? await verifyPassword(user.passwordHash, input.password) : false;
      const organizationId = user?.memberships[0]?.organizationId;
      if (!user || !isValid || !organizationId) {
        await ctx.loginLimiter.recordFailure(ctx.ip, input.email);
        if (user && organizationId) {
          // Not awaited: a write only known accounts make would time the answer apart from an unknown email's.
          const audit = () =>
            recordAudit(ctx.db, {
              organizationId,
              userId: user.id,
              action: "auth.login",
              result: "denied",
              ip: ctx.ip,
            });
          if (ctx.background) ctx.background.run("audit denied login", audit);
          else void audit().catch(() => undefined);
        }
        throw new AppError("INVALID_CREDENTIALS", "Wrong email or password.");
      }
      await ctx.loginLimiter.reset(ctx.ip, input.email);
      // A fresh token at every login: a session id planted before login is never promoted.
      const previous = ctx.cookies.read();
      if (previous) {
        const replaced = await deleteSession(ctx.db, previous);
        ctx.realtime?.disconnectSession(replaced);
      }
      const session = await createSession(ctx.db, {
        userId: user.id,
        organizationId,
        ttlHours: ctx.config.sessionTtlHours,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      ctx.cookies.set(session.token, session.expiresAt);
      await recordAudit(ctx.db, { organizationId, userId: user.id, action: "auth.login", ip: ctx.ip });
      const me = await loadMe(ctx, user.id, organizationId);
      if (!me) throw new AppError("INTERNAL", "The account has no organization.");
      return me;
    }),

  updateProfile: protectedProcedure
    .input(ZProfileUpdateSchema)
    .output(ZMeSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.prisma.user.update({ where: { id: ctx.auth.userId }, data: input });
      await recordAudit(ctx.db, {
        organizationId: ctx.auth.organizationId,
        userId: ctx.auth.userId,
        action: "user.update_profile",
        targetType: "user",
        targetId: ctx.auth.userId,
        ip: ctx.ip,
        details: { fields: Object.keys(input) },
      });
      const me = await loadMe(ctx, ctx.auth.userId, ctx.auth.organizationId);
      if (!me) throw new AppError("NOT_FOUND", "Your membership no longer exists.");
      return me;
    }),

  logout: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    const token = ctx.cookies.read();
    const ended = token ? await deleteSession(ctx.db, token) : undefined;
    ctx.realtime?.disconnectSession(ended);
    ctx.cookies.clear();
    if (ctx.auth) {
      await recordAudit(ctx.db, {
        organizationId: ctx.auth.organizationId,
        userId: ctx.auth.userId,
        action: "auth.logout",
        ip: ctx.ip,
      });
    }
    return { ok: true as const };
  }),
});
