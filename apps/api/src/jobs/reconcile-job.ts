/**
 * Start-up reconciliation (issue 19): calls the database holds as live are checked against Telnyx
 * (their hangup may have come while no instance was listening), then every agent's presence is
 * derived again from what is live. Triggered once after start, at the next half-minute through the
 * scheduler: instances starting in the same half-minute share one run, and a process restarted
 * after a crash always gets a slot of its own (its predecessor's was earlier). The hourly sync does
 * the calls part again.
 */
import type { Db } from "@app/db/open-db";
import { rebuildPresence } from "@app/telnyx-core/agents/rebuild-presence";
import { LIVE_CALL_STATUSES } from "@app/telnyx-core/calls/call-state";
import { reconcileLiveCalls } from "@app/telnyx-core/calls/reconcile-live-calls";
import { publishEmits } from "@app/telnyx-core/realtime/publish-emits";
import { noopPublisher, type Publisher } from "@app/telnyx-core/realtime/events";
import type { TelnyxAccess } from "../telnyx/telnyx-access";
import type { JobDefinition } from "./scheduler";

export const START_RECONCILE_JOB = "calls.reconcile-at-start";

const SLOT_MS = 30_000;

/** "2026-12-03T09:54:30": the half-minute a run belongs to. */
const halfMinuteSlot = (at: Date) => new Date(Math.floor(at.getTime() / SLOT_MS) * SLOT_MS).toISOString().slice(0, 19);

/** When a process started at `now` reconciles: the next half-minute boundary (within 30 s). */
export function startReconcileAt(now: Date): Date {
  return new Date((Math.floor(now.getTime() / SLOT_MS) + 1) * SLOT_MS);
}

export interface ReconcileJobDeps {
  db: Db;
  telnyx: TelnyxAccess;
  publisher?: Publisher;
}

async function organizationsWithLiveState(db: Db): Promise<string[]> {
  const [calls, agents] = await Promise.all([
    db.prisma.telnyxCall.findMany({
      where: { status: { in: [...LIVE_CALL_STATUSES] } },
      distinct: ["organizationId"],
      select: { organizationId: true },
    }),
    db.prisma.membership.findMany({
      where: { user: { agentStatus: "ON_CALL" } },
      distinct: ["organizationId"],
      select: { organizationId: true },
    }),
  ]);
  return [...new Set([...calls, ...agents].map((row) => row.organizationId))];
}

export function createReconcileJob(deps: ReconcileJobDeps): JobDefinition {
  const publisher = deps.publisher ?? noopPublisher;
  return {
    name: START_RECONCILE_JOB,
    schedule: null,
    slotOf: halfMinuteSlot,
    async run(at) {
      const counts = { organizations: 0, checked: 0, ended: 0, unreachable: 0, agentsUpdated: 0 };
      for (const organizationId of await organizationsWithLiveState(deps.db)) {
        counts.organizations += 1;
        // Without a usable key only the maximum call length can end a call.
        const gateway = await deps.telnyx.gatewayFor(organizationId).catch(() => null);
        const result = await reconcileLiveCalls({
          db: deps.db,
          organizationId,
          gateway,
          publisher,
          trigger: "startup",
          now: at,
        });
        counts.checked += result.checked;
        counts.ended += result.ended.length;
        counts.unreachable += result.unreachable;
        const emits = await rebuildPresence(deps.db, organizationId);
        publishEmits(publisher, emits);
        counts.agentsUpdated += emits.length;
      }
      return counts;
    },
  };
}
