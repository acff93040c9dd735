/**
 * The browser softphone's Telnyx side against the sandbox: the first token request auto-configures the
 * organization's credential connection and the member's telephony credential; every request mints a fresh
 * short-lived token (never the SIP password); a credential Telnyx lost is replaced; a member who left has their
 * credential deleted at Telnyx; another organization, a non-member and a revoked token get nothing.
 */
import { revokePendingSoftphoneCredentials } from "@app/telnyx-core/softphone/revoke-pending-credentials";
import { revokeEndedSoftphoneCredentials } from "@app/telnyx-core/softphone/revoke-softphone-credentials";
import { createTelnyxGateway } from "@app/telnyx-core/gateway/telnyx-gateway";
import { startSandbox } from "@app/telnyx-sandbox/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restoreSandboxWorld, SANDBOX_API_KEY } from "../src/telnyx/embedded-sandbox";
import { type SandboxTestServer, setupTestApi } from "./harness";

let api: SandboxTestServer;

beforeAll(async () => {
  api = await setupTestApi({ server: true, sandbox: true });
});
afterAll(async () => {
  await api?.close();
});

const world = () => api.sandbox.world;
const membershipOf = (userId: string, organizationId = api.demo.organization.id) =>
  api.db.prisma.membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId, userId } } });
const credentialConnectionsOf = (organizationId: string) =>
  api.db.prisma.telnyxConnection.findMany({ where: { organizationId, kind: "CREDENTIAL_CONNECTION" } });
const credentialsNamed = (membershipId: string) =>
  [...world().telephonyCredentials.credentials.values()].filter((c) => c.name === `crm-agent-${membershipId}`);
const restToken = (bearer?: string) =>
  fetch(`${api.url}/api/telnyx/softphone/token`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

describe("softphone tokens", () => {
  it("auto-configures a credential connection and the agent's credential on the first request, and hands a token, never the password", async () => {
    expect(await credentialConnectionsOf(api.demo.organization.id)).toEqual([]);
    const before = Date.now();
    const result = await api.asDemoAgent().softphone.token();

    const [connection] = await credentialConnectionsOf(api.demo.organization.id);
    expect(connection).toMatchObject({ name: "CRM softphone", active: true, isDefault: true });
    const atTelnyx = world().credentialConnections.get(connection!.telnyxId);
    expect(atTelnyx).toMatchObject({
      sip_uri_calling_preference: "internal",
      webhook_event_url: api.expected.calls,
    });

    const member = await membershipOf(api.demo.users.agent1.id);
    expect(member.softphoneConnectionId).toBe(connection!.telnyxId);
    const credential = world().telephonyCredentials.credentials.get(member.softphoneCredentialId!);
    expect(credential).toMatchObject({
      sip_username: member.softphoneSipUsername,
      resource_id: `connection:${connection!.telnyxId}`,
      tag: "crm-softphone",
    });

    expect(result.sipUsername).toBe(credential!.sip_username);
    expect(result.expiresAt.getTime()).toBeGreaterThan(before + 23 * 3600_000);
    expect(result.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
    expect(world().telephonyCredentials.verifyToken(result.token)?.credential.id).toBe(credential!.id);
    const serialized = JSON.stringify(result);
    expect(serialized).not.toContain(credential!.sip_password);
    expect(serialized).not.toContain(atTelnyx!.password);
    expect(JSON.stringify(member)).not.toContain(credential!.sip_password);
  });

  it("mints a fresh token on each call (refresh before expiry) on the same credential", async () => {
    const first = await api.asDemoAgent().softphone.token();
    const second = await api.asDemoAgent().softphone.token();
    expect(second.token).not.toBe(first.token);
    expect(second.sipUsername).toBe(first.sipUsername);
    const member = await membershipOf(api.demo.users.agent1.id);
    expect(credentialsNamed(member.id)).toHaveLength(1);
    expect(await credentialConnectionsOf(api.demo.organization.id)).toHaveLength(1);
  });

  it("answers the REST face with the same shape, and refuses anonymous and revoked tokens", async () => {
    const token = await api.tokenFor(api.demo.users.agent1, "AGENT");
    const response = await restToken(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const { data } = (await response.json()) as { data: { token: string; expiresAt: string; sipUsername: string } };
    expect(Object.keys(data).sort()).toEqual(["expiresAt", "sipUsername", "token"]);
    expect(data.sipUsername).toBe((await membershipOf(api.demo.users.agent1.id)).softphoneSipUsername);
    expect(Number.isNaN(Date.parse(data.expiresAt))).toBe(false);

    expect((await restToken()).status).toBe(401);
    await api.db.prisma.apiToken.updateMany({
      where: { userId: api.demo.users.agent1.id },
      data: { revokedAt: new Date() },
    });
    expect((await restToken(token)).status).toBe(401);
  });

  it("gives two first requests at once a single credential (the other is removed from Telnyx)", async () => {
    const caller = api.as(api.demo.users.agent2, "AGENT");
    const [a, b] = await Promise.all([caller.softphone.token(), caller.softphone.token()]);
    expect(a.sipUsername).toBe(b.sipUsername);
    const member = await membershipOf(api.demo.users.agent2.id);
    expect(credentialsNamed(member.id).map((c) => c.id)).toEqual([member.softphoneCredentialId]);
  });

  it("replaces a credential Telnyx no longer has (deleted in the portal)", async () => {
    const member = await membershipOf(api.demo.users.agent1.id);
    await (await api.gateway()).deleteTelephonyCredential(member.softphoneCredentialId!);
    const result = await api.asDemoAgent().softphone.token();
    const after = await membershipOf(api.demo.users.agent1.id);
    expect(after.softphoneCredentialId).not.toBe(member.softphoneCredentialId);
    expect(result.sipUsername).toBe(after.softphoneSipUsername);
    expect(world().telephonyCredentials.verifyToken(result.token)?.credential.id).toBe(after.softphoneCredentialId);
  });
});

describe("tenancy", () => {
  it("keeps each organization on its own connection and credentials; a non-member gets nothing", async () => {
    const mine = await api.asDemoAgent().softphone.token();
    const theirs = await api.asOtherAgent().softphone.token();
    expect(theirs.sipUsername).not.toBe(mine.sipUsername);
    const [ours] = await credentialConnectionsOf(api.demo.organization.id);
    const [other] = await credentialConnectionsOf(api.other.organization.id);
    expect(other!.telnyxId).not.toBe(ours!.telnyxId);
    const otherMember = await membershipOf(api.other.users.agent.id, api.other.organization.id);
    expect(otherMember.softphoneConnectionId).toBe(other!.telnyxId);

    // A session naming an organization the user is not a member of: no credential is made, no token minted.
    const count = world().telephonyCredentials.credentials.size;
    await expect(
      api.as(api.other.users.agent, "AGENT", api.demo.organization.id).softphone.token(),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(world().telephonyCredentials.credentials.size).toBe(count);

    // Organization B's admin cannot touch organization A's credential connection.
    await expect(api.asOtherAdmin().connections.delete({ id: ours!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      api.asOtherAdmin().connections.update({ id: ours!.id, data: { name: "Hijacked" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(world().credentialConnections.get(ours!.telnyxId)?.connection_name).toBe("CRM softphone");
  });

  it("deletes at Telnyx the credential of a member who left (whatever deleted the membership), so their tokens stop working", async () => {
    const userToken = await api.tokenFor(api.demo.users.agent2, "AGENT");
    const issued = await api.as(api.demo.users.agent2, "AGENT").softphone.token();
    const member = await membershipOf(api.demo.users.agent2.id);
    const kept = await membershipOf(api.demo.users.agent1.id);
    // As an admin tool would: straight in the database.
    await api.db.query(`DELETE FROM "Membership" WHERE "id" = $1`, [member.id]);

    expect((await restToken(userToken)).status).toBe(401);
    await expect(api.as(api.demo.users.agent2, "AGENT").softphone.token()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(world().telephonyCredentials.verifyToken(issued.token)).not.toBeNull();

    // The database queued the credential; the every-minute job deletes it at Telnyx.
    expect(await api.db.prisma.softphoneRevocation.findMany()).toEqual([
      expect.objectContaining({ credentialId: member.softphoneCredentialId, userId: api.demo.users.agent2.id }),
    ]);
    const gatewayFor = (organizationId: string) => api.deps.telnyx.gatewayFor(organizationId);
    expect(await revokePendingSoftphoneCredentials({ db: api.db, gatewayFor })).toEqual({ revoked: 1, failed: 0 });
    expect(world().telephonyCredentials.credentials.has(member.softphoneCredentialId!)).toBe(false);
    expect(world().telephonyCredentials.verifyToken(issued.token)).toBeNull();
    expect(await api.db.prisma.softphoneRevocation.count()).toBe(0);
    // Members still here, and another organization's, are untouched.
    expect(world().telephonyCredentials.credentials.has(kept.softphoneCredentialId!)).toBe(true);
    const otherMember = await membershipOf(api.other.users.agent.id, api.other.organization.id);
    expect(world().telephonyCredentials.credentials.has(otherMember.softphoneCredentialId!)).toBe(true);
  });

  it("sweeps, at sync, a credential no membership holds (one that escaped the queue), after it had time to settle", async () => {
    const gateway = await api.gateway();
    const [connection] = await credentialConnectionsOf(api.demo.organization.id);
    const stray = await gateway.createTelephonyCredential({
      connectionId: connection!.telnyxId,
      name: "crm-agent-gone",
      tag: "crm-softphone",
    });
    const foreign = await gateway.createTelephonyCredential({
      connectionId: connection!.telnyxId,
      name: "made in the portal",
    });
    const organizationId = api.demo.organization.id;
    // Credentials younger than a few minutes may still be on their way to their membership: the sweep waits.
    expect((await revokeEndedSoftphoneCredentials({ db: api.db, gateway, organizationId })).revoked).toEqual([]);
    const later = new Date(Date.now() + 10 * 60_000);
    const { revoked } = await revokeEndedSoftphoneCredentials({ db: api.db, gateway, organizationId, now: later });
    expect(revoked).toEqual([stray.id]);
    expect(world().telephonyCredentials.credentials.has(foreign.id!)).toBe(true);
    const kept = await membershipOf(api.demo.users.agent1.id);
    expect(world().telephonyCredentials.credentials.has(kept.softphoneCredentialId!)).toBe(true);
  });
});

describe("the credential connection on the Connections page", () => {
  it("is listed as ok, renamed in Telnyx, and deleted there with its credentials; the next token sets it up again", async () => {
    const admin = api.asDemoAdmin();
    const listed = (await admin.connections.list()).items.find((item) => item.kind === "CREDENTIAL_CONNECTION")!;
    expect(listed).toMatchObject({ name: "CRM softphone", check: { status: "ok", problems: [] } });

    const renamed = await admin.connections.update({ id: listed.id, data: { name: "Agents' browsers" } });
    expect(renamed.name).toBe("Agents' browsers");
    expect(world().credentialConnections.get(listed.telnyxId)?.connection_name).toBe("Agents' browsers");

    await expect(admin.connections.delete({ id: api.app.id })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    const credentialId = (await membershipOf(api.demo.users.agent1.id)).softphoneCredentialId!;
    await admin.connections.delete({ id: listed.id });
    expect(world().credentialConnections.has(listed.telnyxId)).toBe(false);
    expect(world().telephonyCredentials.credentials.has(credentialId)).toBe(false);
    expect((await membershipOf(api.demo.users.agent1.id)).softphoneCredentialId).toBeNull();
    const audit = await api.db.prisma.auditLog.findMany({
      where: { targetId: listed.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((row) => `${row.action}:${row.result}`)).toEqual(
      expect.arrayContaining(["connection.update:ok", "connection.delete:ok"]),
    );

    const again = await api.asDemoAgent().softphone.token();
    const [recreated] = await credentialConnectionsOf(api.demo.organization.id);
    expect(recreated!.telnyxId).not.toBe(listed.telnyxId);
    expect(again.sipUsername).toBe((await membershipOf(api.demo.users.agent1.id)).softphoneSipUsername);
  });

  it("is created by an admin from the Connections page; agents are refused", async () => {
    await expect(api.asDemoAgent().connections.createCredentialConnection({ name: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const created = await api.asDemoAdmin().connections.createCredentialConnection({ name: "Second softphones" });
    expect(created).toMatchObject({ kind: "CREDENTIAL_CONNECTION", name: "Second softphones", isDefault: false });
    expect(world().credentialConnections.get(created.telnyxId)?.connection_name).toBe("Second softphones");
  });
});

describe("embedded mode", () => {
  it("rebuilds the credential connection and every agent's credential (same id, same SIP user name) at start", async () => {
    await api.asDemoAgent().softphone.token();
    const member = await membershipOf(api.demo.users.agent1.id);
    const restarted = await startSandbox({ port: 0, timeScale: 0, apiKey: SANDBOX_API_KEY });
    try {
      await restoreSandboxWorld(api.db, restarted, api.url);
      expect(restarted.world.credentialConnections.has(member.softphoneConnectionId!)).toBe(true);
      const gateway = createTelnyxGateway({ apiKey: SANDBOX_API_KEY, baseURL: restarted.baseUrl });
      const token = await gateway.createLoginToken(member.softphoneCredentialId!);
      expect(restarted.world.telephonyCredentials.verifyToken(token)?.credential.sip_username).toBe(
        member.softphoneSipUsername,
      );
    } finally {
      await restarted.close();
    }
  });
});

describe("sync", () => {
  it("marks a credential connection deleted in the portal inactive, and the next token sets up a new one", async () => {
    await api.asDemoAgent().softphone.token();
    const [connection] = (await credentialConnectionsOf(api.demo.organization.id)).filter((c) => c.isDefault);
    world().credentialConnections.delete(connection!.telnyxId);
    world().telephonyCredentials.deleteForConnection(connection!.telnyxId);

    const { runId } = await api.asDemoAdmin().sync.run();
    await api.deps.background!.idle();
    const run = await api.asDemoAdmin().sync.get({ id: runId });
    expect(run.changes).toEqual(
      expect.arrayContaining([
        {
          kind: "connection.missing",
          description: expect.stringContaining(`Credential connection "${connection!.name}" no longer exists`),
        },
      ]),
    );
    expect((await api.db.prisma.telnyxConnection.findUniqueOrThrow({ where: { id: connection!.id } })).active).toBe(
      false,
    );

    const again = await api.asDemoAgent().softphone.token();
    const member = await membershipOf(api.demo.users.agent1.id);
    expect(member.softphoneConnectionId).not.toBe(connection!.telnyxId);
    expect(again.sipUsername).toBe(member.softphoneSipUsername);
  });
});
