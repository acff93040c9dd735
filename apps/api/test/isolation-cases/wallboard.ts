import type { IsolationDomain } from "./types";

export const wallboardIsolation: IsolationDomain = {
  async seed(api, target) {
    const link = await api.db.prisma.kioskToken.create({
      data: { organizationId: target.organizationId, name: "Wall A", tokenHash: "iso-kiosk-hash-a" },
    });
    target.extra.kioskLinkId = link.id;
  },
  cases: {
    "wallboard.snapshot": { input: () => undefined },
    "wallboard.kioskLinks": { input: () => undefined },
    "wallboard.createKioskLink": { input: () => ({ name: "Lobby screen" }) },
    "wallboard.revokeKioskLink": { input: (a) => ({ id: a.extra.kioskLinkId }) },
    "wallboard.setSlaThreshold": { input: () => ({ seconds: 30 }) },
  },
};
