import type { IsolationDomain } from "./types";

const queueInput = (memberUserIds: string[]) => ({
  name: "Isolation",
  strategy: "ALL",
  ringTimeoutSecs: 20,
  maxWaitSecs: 60,
  holdMessage: null,
  announcePosition: false,
  memberUserIds,
});

const menuInput = (target: unknown) => ({ name: "Isolation", greeting: "Press 1.", options: [{ digit: "1", target }] });

/** Organization A has the seeded Sales queue and a callback for its call (seeded by the calls domain). */
export const routingIsolation: IsolationDomain = {
  async seed(api, target) {
    const queue = await api.db.prisma.callQueue.findFirstOrThrow({ where: { organizationId: target.organizationId } });
    const callback = await api.db.prisma.callback.create({
      data: {
        organizationId: target.organizationId,
        callId: target.extra.callId!,
        reason: "MISSED",
        queueId: queue.id,
      },
    });
    const menu = await api.db.prisma.ivrMenu.create({
      data: {
        organizationId: target.organizationId,
        name: "Isolation menu",
        greeting: "Press 1 for sales.",
        options: [{ digit: "1", target: { kind: "queue", queueId: queue.id } }],
      },
    });
    Object.assign(target.extra, { queueId: queue.id, callbackId: callback.id, menuId: menu.id });
  },
  cases: {
    "routing.queues.list": { input: () => undefined },
    // Organization A's agent is not a member of B: refused.
    "routing.queues.create": { input: (a) => queueInput([a.userId]) },
    "routing.queues.update": { input: (a) => ({ id: a.extra.queueId, ...queueInput([]) }) },
    "routing.queues.delete": { input: (a) => ({ id: a.extra.queueId }) },
    "routing.ivr.list": { input: () => undefined },
    // B's menu may not go to A's queue, nor to A's menu.
    "routing.ivr.create": { input: (a) => menuInput({ kind: "queue", queueId: a.extra.queueId! }) },
    "routing.ivr.update": {
      input: (a) => ({ id: a.extra.menuId, ...menuInput({ kind: "menu", menuId: a.extra.menuId! }) }),
    },
    "routing.ivr.delete": { input: (a) => ({ id: a.extra.menuId }) },
    "routing.hours.get": { input: () => undefined },
    "routing.hours.set": {
      input: () => ({ timeZone: "Europe/Paris", weekly: [], holidays: [], enabled: false }),
    },
    "routing.voicemail.get": { input: () => undefined },
    "routing.voicemail.set": { input: () => ({ text: "Leave a message after the beep." }) },
    "routing.numbers.list": { input: () => undefined },
    "routing.numbers.setRoute": {
      input: (a) => ({ phoneNumberId: a.extra.numberId, target: { kind: "queue", queueId: a.extra.queueId } }),
    },
    "callbacks.list": { input: () => ({ status: "OPEN" }) },
    "callbacks.assignToMe": { input: (a) => ({ id: a.extra.callbackId }) },
    "callbacks.markDone": { input: (a) => ({ id: a.extra.callbackId }) },
  },
};
