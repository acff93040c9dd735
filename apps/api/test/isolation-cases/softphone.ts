import type { IsolationDomain } from "./types";

/** Organization A has a credential connection and agent1's softphone credential on it. */
export const softphoneIsolation: IsolationDomain = {
  async seed(api, target) {
    const connection = await api.db.prisma.telnyxConnection.create({
      data: {
        organizationId: target.organizationId,
        kind: "CREDENTIAL_CONNECTION",
        telnyxId: "2990000000000000014",
        name: "Org A secret softphones",
      },
    });
    await api.db.prisma.membership.update({
      where: { organizationId_userId: { organizationId: target.organizationId, userId: target.userId } },
      data: {
        softphoneCredentialId: "0f0e0d0c-isolation-credential-of-a",
        softphoneSipUsername: "gencredOrgAIsolationSecret1",
        softphoneConnectionId: connection.telnyxId,
        softphoneCredentialAt: new Date(),
      },
    });
    Object.assign(target.extra, {
      credentialConnectionId: connection.id,
      credentialConnectionTelnyxId: connection.telnyxId,
      softphoneCredentialId: "0f0e0d0c-isolation-credential-of-a",
      softphoneSipUsername: "gencredOrgAIsolationSecret1",
    });
  },
  cases: {
    // B's own token (or B's Telnyx error): never A's credential or SIP user name.
    "softphone.token": { input: () => undefined, needsTelnyx: true },
  },
};
