import type { IsolationDomain } from "./types";

export const tokensIsolation: IsolationDomain = {
  async seed(api, target) {
    const token = await api.db.prisma.apiToken.create({
      data: {
        organizationId: target.organizationId,
        userId: target.userId,
        name: "token-secret-name-of-a",
        tokenHash: "isolation-token-hash-of-a",
        prefix: "tcrm_isoA",
        role: "AGENT",
      },
    });
    target.extra.apiTokenId = token.id;
    target.extra.apiTokenName = "token-secret-name-of-a";
  },
  cases: {
    "tokens.list": { input: () => undefined },
    "tokens.create": { input: () => ({ name: "isolation probe", role: "AGENT" }) },
    "tokens.revoke": { input: (a) => ({ id: a.extra.apiTokenId }) },
  },
};
