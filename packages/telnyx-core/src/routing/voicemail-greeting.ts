/** The organization's voicemail greeting (Settings → Call routing): said to callers before the beep. */
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain/domain-context";
import { DEFAULT_VOICEMAIL_GREETING } from "./routing-flows";
import type { TVoicemailGreeting } from "./routing-schemas";

type Ctx = Pick<DomainContext, "db" | "actor">;

export async function getVoicemailGreeting(ctx: Ctx): Promise<TVoicemailGreeting> {
  const org = await ctx.db.prisma.organization.findUniqueOrThrow({
    where: { id: ctx.actor.organizationId },
    select: { voicemailGreeting: true },
  });
  const saved = org.voicemailGreeting?.trim();
  return saved ? { text: saved, isDefault: false } : { text: DEFAULT_VOICEMAIL_GREETING, isDefault: true };
}

export async function setVoicemailGreeting(ctx: Ctx & { text: string }): Promise<TVoicemailGreeting> {
  await ctx.db.prisma.organization.update({
    where: { id: ctx.actor.organizationId },
    data: { voicemailGreeting: ctx.text.trim() },
  });
  await recordAudit(ctx.db, {
    organizationId: ctx.actor.organizationId,
    userId: ctx.actor.userId,
    action: "routing.voicemail",
    targetType: "organization",
    targetId: ctx.actor.organizationId,
    ip: ctx.actor.ip,
  });
  return getVoicemailGreeting(ctx);
}
