import type { IsolationDomain } from "./types";

export const settingsIsolation: IsolationDomain = {
  async seed(api, target) {
    const rate = await api.db.prisma.rate.findFirstOrThrow({ where: { organizationId: target.organizationId } });
    target.extra.rateId = rate.id;
  },
  cases: {
    "settings.get": { input: () => undefined },
    // A key too short to be one: no request leaves for Telnyx (the harness has no Telnyx configured).
    "settings.setTelnyxKeys": { input: () => ({ apiKey: "x" }) },
    "settings.clearTelnyxKeys": { input: () => undefined },
    "settings.rotateWebhookToken": { input: () => undefined },
    "settings.setRate": { input: () => ({ countryCode: "US", kind: "voice_per_minute", amount: "9.99" }) },
    "settings.deleteRate": { input: (a) => ({ id: a.extra.rateId }) },
    "settings.update": { input: () => ({ name: "Intruder Inc", timeZone: "UTC" }) },
  },
};
