import type { IsolationDomain } from "./types";

const RANGE = () => ({ from: new Date(Date.now() - 40 * 86_400_000), to: new Date(Date.now() + 86_400_000) });

export const statsIsolation: IsolationDomain = {
  async seed(api, target) {
    const lead = api.demo.leads.find((l) => l.id === target.leadId)!;
    const message = await api.db.prisma.telnyxMessage.create({
      data: {
        organizationId: target.organizationId,
        direction: "OUTBOUND",
        status: "DELIVERED",
        fromNumber: "+13125550189",
        toNumber: lead.phoneNumber,
        counterpartNumber: lead.phoneNumber,
        text: "stats isolation",
        leadId: lead.id,
        userId: target.userId,
        cost: "0.0075",
      },
    });
    target.extra.statsMessageId = message.id;
  },
  cases: {
    "stats.overview": { input: (a) => ({ userId: a.userId }) },
    "stats.analytics": { input: (a) => ({ ...RANGE(), granularity: "day", userId: a.userId }) },
    "stats.leadCost": { input: (a) => ({ leadId: a.leadId }) },
  },
};
