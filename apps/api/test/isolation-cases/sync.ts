import type { IsolationDomain } from "./types";

export const syncIsolation: IsolationDomain = {
  async seed(api, target) {
    const run = await api.db.prisma.syncRun.create({
      data: {
        organizationId: target.organizationId,
        trigger: "manual",
        status: "SUCCEEDED",
        finishedAt: new Date(),
        changes: [{ kind: "number.imported", description: "+13125550177 was bought directly in Telnyx: added." }],
      },
    });
    target.extra.syncRunId = run.id;
    target.extra.syncChange = "+13125550177";
  },
  cases: {
    "sync.run": { input: () => undefined },
    "sync.runs": { input: () => ({ limit: 100 }) },
    "sync.get": { input: (a) => ({ id: a.extra.syncRunId }) },
  },
};
