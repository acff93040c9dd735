/**
 * IVR menus in a call's life (called by route-call-event.ts inside its transaction): a number routed to a menu has
 * its caller answered and the menu said; the call.gather.ended that answers a menu leads the caller on — a queue
 * (by the same rules as a number routed to it: business hours, someone available, else voicemail), voicemail, or
 * another menu. No key or a key the menu does not offer: the menu once more, then voicemail. Menus cannot be saved
 * with an agent target yet (manage-ivr.ts); one stored anyway takes the caller to voicemail rather than silence.
 */
import type { CallClientState } from "../calls/call-client-state";
import type { ApplyServices, Emit, Tx } from "../webhooks/apply-types";
import { type InboundPlan, planInboundRoute } from "./inbound-plan";
import { answerToMenu, gatherMenu, type SaidMenu } from "./ivr-flows";
import { ivrOptionsOf } from "./manage-ivr";
import { greetVoicemail, holdInQueue, type RoutedCall } from "./routing-flows";
import type { TIvrOption } from "./routing-schemas";

type Task = () => Promise<void>;

/** Times a menu is said again after no key or a wrong one, before voicemail. */
export const IVR_MAX_RETRIES = 1;

interface IvrStep {
  emits: Emit[];
  afterCommit: Task[];
  /** The queue the caller entered (or whose voicemail they reached): the call's queueId from now on. */
  queueId: string | null;
}

interface MenuRow extends SaidMenu {
  options: TIvrOption[];
}

async function readMenu(tx: Tx, organizationId: string, id: string): Promise<MenuRow | null> {
  const row = await tx.ivrMenu.findFirst({
    where: { id, organizationId },
    select: { id: true, greeting: true, options: true },
  });
  if (!row) return null;
  const options = ivrOptionsOf(row.options);
  return { id: row.id, greeting: row.greeting, options, digits: options.map((o) => o.digit) };
}

/** Where a queue would take the caller now (the same plan as a number routed to that queue). */
async function planQueue(tx: Tx, organizationId: string, queueId: string, at: Date): Promise<InboundPlan> {
  const [facts] = await tx.$queryRaw<
    Array<{
      businessHours: unknown;
      timeZone: string;
      queueAvailableMembers: number;
      queueMaxWaitSecs: number | null;
      queueHoldMessage: string | null;
    }>
  >`
    SELECT o."businessHours", o."timeZone", q."maxWaitSecs" AS "queueMaxWaitSecs", q."holdMessage" AS "queueHoldMessage",
      (SELECT count(*)::int FROM "CallQueueMember" qm JOIN "User" qa ON qa."id" = qm."userId"
        JOIN "Membership" qms ON qms."userId" = qm."userId" AND qms."organizationId" = o."id"
        WHERE qm."queueId" = q."id" AND qa."agentStatus" = 'AVAILABLE') AS "queueAvailableMembers"
    FROM "Organization" o JOIN "CallQueue" q ON q."id" = ${queueId} AND q."organizationId" = o."id"
    WHERE o."id" = ${organizationId}`;
  if (!facts) return { kind: "voicemail", queueId: null };
  return planInboundRoute(
    {
      ...facts,
      routeKind: "queue",
      routeQueueId: queueId,
      routeUserId: null,
      routeMenuId: null,
      isRouteUserAvailable: false,
    },
    at,
  );
}

const toVoicemail = (services: ApplyServices, call: RoutedCall, queueId: string | null = null): IvrStep => ({
  emits: [],
  afterCommit: [greetVoicemail(services, call)],
  queueId,
});

/** A number routed to a menu: the caller is answered and hears it (voicemail if the menu is gone). */
export async function enterMenu(tx: Tx, services: ApplyServices, call: RoutedCall, menuId: string): Promise<Task> {
  const menu = await readMenu(tx, call.organizationId, menuId);
  if (menu) return answerToMenu(services, call, menu);
  return async () => {
    const gateway = await services.gatewayFor(call.organizationId);
    await gateway.answer(call.callControlId);
    await greetVoicemail(services, call)();
  };
}

/** The caller answered a menu (call.gather.ended): on to where their key leads. */
export async function followMenuKey(
  tx: Tx,
  options: { services: ApplyServices; call: RoutedCall; state: CallClientState; digits: string; at: Date },
): Promise<IvrStep> {
  const { services, call, state } = options;
  const menu = state.menuId ? await readMenu(tx, call.organizationId, state.menuId) : null;
  if (!menu) return toVoicemail(services, call);
  const option = menu.options.find((o) => o.digit === options.digits.slice(0, 1));
  if (!option) {
    const retry = state.retry ?? 0;
    if (retry >= IVR_MAX_RETRIES) return toVoicemail(services, call);
    return { emits: [], afterCommit: [gatherMenu(services, call, menu, retry + 1)], queueId: null };
  }
  const target = option.target;
  switch (target.kind) {
    case "menu": {
      const next = await readMenu(tx, call.organizationId, target.menuId);
      return next
        ? { emits: [], afterCommit: [gatherMenu(services, call, next)], queueId: null }
        : toVoicemail(services, call);
    }
    case "voicemail":
    case "agent":
      return toVoicemail(services, call);
    case "queue": {
      const plan = await planQueue(tx, call.organizationId, target.queueId, options.at);
      if (plan.kind !== "queue") return toVoicemail(services, call, plan.kind === "voicemail" ? plan.queueId : null);
      await tx.queueEntry.create({
        data: { organizationId: call.organizationId, queueId: plan.queueId, callId: call.id },
      });
      return { emits: [], afterCommit: [holdInQueue(services, call, plan, true)], queueId: plan.queueId };
    }
  }
}
