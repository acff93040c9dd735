import type { IsolationDomain } from "./types";

/** Organization A has its own Call Control application. */
export const connectionsIsolation: IsolationDomain = {
  async seed(api, target) {
    const connection = await api.db.prisma.telnyxConnection.create({
      data: {
        organizationId: target.organizationId,
        kind: "CALL_CONTROL_APPLICATION",
        telnyxId: "2990000000000000002",
        name: "Org A secret voice app",
        webhookUrl: "https://a.example.com/api/telnyx/webhooks/calls",
        isDefault: true,
      },
    });
    Object.assign(target.extra, { connectionId: connection.id, connectionName: connection.name });
  },
  cases: {
    "connections.list": { input: () => undefined },
    // Creating touches no record of A; an empty name is refused before Telnyx is asked (B has no Telnyx here).
    "connections.createApplication": { input: () => ({ name: "" }) },
    "connections.createMessagingProfile": { input: () => ({ name: "" }) },
    "connections.createCredentialConnection": { input: () => ({ name: "" }) },
    "connections.delete": { input: (a) => ({ id: a.extra.credentialConnectionId ?? a.extra.connectionId }) },
    "connections.update": { input: (a) => ({ id: a.extra.connectionId, data: { name: "Hijacked", active: false } }) },
    "connections.fixWebhooks": { input: (a) => ({ id: a.extra.connectionId }) },
  },
};
