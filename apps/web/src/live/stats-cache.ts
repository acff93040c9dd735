/** stats:delta and agent:updated → the React Query caches of the signed-in layout (in place, no refetch). */
import type { QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { trpc } from "../lib/trpc";
import type { Viewer } from "./call-cache";
import type { AgentLiveStatus } from "./own-status";
import {
  applyDeltaToOverview,
  isDeltaForOverview,
  needsOverviewReconcile,
  type OverviewFigures,
  type StatsDelta,
} from "./stats-delta";

export interface AgentUpdate {
  userId: string;
  name: string;
  status: AgentLiveStatus;
  since: Date;
  currentCallId: string | null;
}

const RECONCILE_DELAY_MS = 2_000;
const reconcileTimers = new WeakMap<QueryClient, number>();

/** One overview refetch shortly after a call ends or a cost lands (a burst of events gives one request). */
function reconcileOverviewSoon(queryClient: QueryClient): void {
  clearTimeout(reconcileTimers.get(queryClient));
  const timer = setTimeout(
    () => void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.stats.overview) }),
    RECONCILE_DELAY_MS,
  );
  reconcileTimers.set(queryClient, timer as unknown as number);
}

export function applyStatsDelta(queryClient: QueryClient, delta: StatsDelta, viewer: Viewer): void {
  if (needsOverviewReconcile(delta)) reconcileOverviewSoon(queryClient);
  for (const query of queryClient.getQueryCache().findAll({ queryKey: getQueryKey(trpc.stats.overview) })) {
    const meta = query.queryKey[1] as { input?: { userId?: string } } | undefined;
    if (!isDeltaForOverview(delta, meta?.input, viewer)) continue;
    queryClient.setQueryData(query.queryKey, (overview: OverviewFigures | undefined) =>
      overview ? applyDeltaToOverview(overview, delta) : overview,
    );
  }
}

/** Replaces one agent in a list when the update is not older than what is shown. */
export function mergeAgent<T extends AgentUpdate>(agents: T[], update: AgentUpdate): T[] {
  const index = agents.findIndex((agent) => agent.userId === update.userId);
  if (index === -1) return [...agents, update as T].sort((a, b) => a.name.localeCompare(b.name));
  const existing = agents[index]!;
  if (new Date(existing.since).getTime() > new Date(update.since).getTime()) return agents;
  return agents.map((agent, i) => (i === index ? { ...agent, ...update } : agent));
}

/** Supervisors' team list (the header follows its own state itself: layout/agent-status.tsx). */
export function applyAgentUpdate(queryClient: QueryClient, update: AgentUpdate): void {
  queryClient.setQueriesData<AgentUpdate[]>({ queryKey: getQueryKey(trpc.agents.list) }, (agents) =>
    agents ? mergeAgent(agents, update) : agents,
  );
}
