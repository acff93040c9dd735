/**
 * Server-owned presence (issue 15) from this instance's sockets, correct with several instances:
 * a member's socket opening makes them present at once; a socket closing stamps a check that, once
 * the offline grace (PRESENCE_OFFLINE_GRACE_MS, 30 s) has passed, counts the member's sockets on
 * every instance (fetchSockets, over the Redis adapter with REDIS_URL) and sets OFFLINE when none
 * is left. A sweep at start and every `sweepMs` stamps members shown as present with no socket
 * anywhere (a restart, an instance that died without closing its sockets): they too go OFFLINE
 * after the grace unless they reconnect. Ends of wrap-ups are picked up by the same tick.
 * Kiosk sockets are not people and do not count; session and API-token sockets do.
 */
import type { Db } from "@app/db/open-db";
import {
  DEFAULT_OFFLINE_GRACE_MS,
  finishDueWrapUps,
  listDuePresenceChecks,
  markAgentConnected,
  markAgentSocketGone,
  markUnseenAgents,
  settlePresenceCheck,
} from "@app/telnyx-core/agents/presence";
import type { DomainLog } from "@app/telnyx-core/domain/domain-context";
import { userRoom, type Publisher } from "@app/telnyx-core/realtime/events";
import { publishEmits } from "@app/telnyx-core/realtime/publish-emits";
import type { RealtimeServer } from "./realtime";

export interface PresenceOptions {
  db: Db;
  /** How long an agent's last socket may be gone before OFFLINE (PRESENCE_OFFLINE_GRACE_MS, default 30 s). */
  offlineGraceMs?: number;
  /** How often due checks and wrap-ups are looked for (default grace / 6, between 200 ms and 5 s). */
  tickMs?: number;
  /** How often every instance's sockets are compared with who shows present (default max(60 s, 2 × grace)). */
  sweepMs?: number;
  log?: DomainLog;
}

export interface PresenceTracker {
  /** Lets the writes of sockets closed so far finish, then stops the timers. */
  stop(): Promise<void>;
}

const RETRY_SWEEP_MS = 5_000;
const FIRST_SWEEP_MS = 1_000;

export function trackPresence(io: RealtimeServer, publisher: Publisher, options: PresenceOptions): PresenceTracker {
  const { db } = options;
  const graceMs = options.offlineGraceMs ?? DEFAULT_OFFLINE_GRACE_MS;
  const tickMs = options.tickMs ?? Math.min(5_000, Math.max(200, Math.round(graceMs / 6)));
  const sweepMs = options.sweepMs ?? Math.max(60_000, graceMs * 2);
  const log = options.log;
  const timers = new Set<NodeJS.Timeout>();
  // One member's writes in order on this instance: a close then a reopen must not land the other way round.
  const chains = new Map<string, Promise<void>>();
  let isStopped = false;
  let isTicking = false;
  let isTickAgain = false;

  const after = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  const inOrder = (userId: string, work: () => Promise<void>) => {
    const next = (chains.get(userId) ?? Promise.resolve())
      .then(work)
      .catch((error: unknown) => log?.warn({ err: error, userId }, "presence update failed"));
    chains.set(userId, next);
    void next.then(() => {
      if (chains.get(userId) === next) chains.delete(userId);
    });
  };

  /** Members with a socket on any instance (of `userIds`, or everyone); throws when an instance does not answer. */
  const connectedUserIds = async (userIds?: string[]): Promise<Set<string>> => {
    const sockets = userIds ? await io.in(userIds.map(userRoom)).fetchSockets() : await io.fetchSockets();
    return new Set(sockets.filter((socket) => !socket.data.kioskId).map((socket) => socket.data.userId));
  };

  const settleDueChecks = async () => {
    const due = await listDuePresenceChecks({ db, stampedBefore: new Date(Date.now() - graceMs) });
    if (due.length === 0) return;
    const connected = await connectedUserIds(due.map((check) => check.userId));
    for (const check of due) {
      publishEmits(publisher, await settlePresenceCheck({ db, check, isConnected: connected.has(check.userId) }));
    }
  };

  const tick = async () => {
    if (isStopped) return;
    if (isTicking) {
      isTickAgain = true;
      return;
    }
    isTicking = true;
    try {
      do {
        isTickAgain = false;
        await settleDueChecks();
        publishEmits(publisher, await finishDueWrapUps({ db }));
      } while (isTickAgain && !isStopped);
    } catch (error) {
      // Database or another instance unreachable: nobody is set OFFLINE on a guess; the next tick tries again.
      log?.warn({ err: error }, "presence check failed");
    } finally {
      isTicking = false;
    }
  };

  const sweep = async () => {
    if (isStopped) return;
    let nextMs = sweepMs;
    try {
      const connected = await connectedUserIds();
      const marked = await markUnseenAgents({ db, connectedUserIds: [...connected], at: new Date() });
      if (marked > 0) after(graceMs + 50, () => void tick());
    } catch (error) {
      log?.warn({ err: error }, "presence sweep failed");
      nextMs = Math.min(sweepMs, RETRY_SWEEP_MS);
    }
    if (!isStopped) after(nextMs, () => void sweep());
  };

  io.on("connection", (socket) => {
    const { userId, kioskId } = socket.data;
    if (kioskId) return;
    inOrder(userId, async () => publishEmits(publisher, await markAgentConnected({ db, userId })));
    socket.once("disconnect", () => {
      const at = new Date();
      inOrder(userId, () => markAgentSocketGone({ db, userId, at }));
      after(graceMs + 50, () => void tick());
    });
  });

  const interval = setInterval(() => void tick(), tickMs);
  interval.unref();
  after(FIRST_SWEEP_MS, () => void sweep());

  return {
    async stop() {
      isStopped = true;
      clearInterval(interval);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([...chains.values()]);
    },
  };
}
