import { reconcileLiveCalls, type ReconcileReason } from "../calls/reconcile-live-calls";
import type { SyncContext } from "./sync-context";

const WHY: Record<ReconcileReason, string> = {
  telnyx_ended: "Telnyx says it has ended",
  telnyx_unknown: "Telnyx no longer knows it",
  max_length: "it is older than Telnyx's maximum call length",
};

/** Calls held here as live that Telnyx no longer has (their hangup webhooks were lost): ended, and listed. */
export async function syncLiveCalls(ctx: SyncContext): Promise<void> {
  const result = await reconcileLiveCalls({
    db: ctx.db,
    organizationId: ctx.organizationId,
    gateway: ctx.gateway,
    publisher: ctx.publisher,
    trigger: "sync",
    now: ctx.now,
  });
  ctx.report.count("liveCallsChecked", result.checked);
  for (const call of result.ended) {
    ctx.report.count("liveCallsEnded");
    ctx.report.change(
      "call.reconciled",
      `Call ${call.fromNumber} → ${call.toNumber} was still live here but ${WHY[call.reason]}: ended.`,
    );
  }
  if (result.unreachable > 0) ctx.report.count("liveCallsUnchecked", result.unreachable);
}
