import type { IsolationDomain } from "./types";

export const authAndLeadsIsolation: IsolationDomain = {
  cases: {
    "auth.me": { input: () => undefined },
    "auth.login": { input: () => ({ email: "admin@acme.test", password: "guess" }) },
    "auth.logout": { input: () => undefined },
    "auth.updateProfile": { input: () => ({ name: "Renamed by B", agentDevice: "+15550009999" }) },
    "leads.list": { input: () => ({ limit: 100 }) },
    "leads.get": { input: (a) => ({ id: a.leadId }) },
    "leads.create": { input: (a) => ({ firstName: "Intruder", phoneNumber: "+14155550199", ownerId: a.userId }) },
    "leads.update": { input: (a) => ({ id: a.leadId, data: { firstName: "Hacked" } }) },
    "leads.delete": { input: (a) => ({ id: a.leadId }) },
  },
};
