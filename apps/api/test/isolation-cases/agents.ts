import type { IsolationDomain } from "./types";

export const agentsIsolation: IsolationDomain = {
  cases: {
    "agents.getStatus": { input: () => undefined },
    "agents.setStatus": { input: () => ({ status: "AWAY" }) },
    "agents.setWrapUp": { input: () => ({ seconds: 45 }) },
    "agents.list": { input: () => undefined },
    "agents.colleagues": { input: () => undefined },
    "calls.supervise": { input: (a) => ({ id: a.extra.callId, role: "monitor" }) },
    "calls.stopSupervising": { input: (a) => ({ id: a.extra.callId }) },
  },
};
