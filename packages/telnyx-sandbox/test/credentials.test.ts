import Telnyx from "telnyx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let other: Telnyx;

beforeAll(async () => {
  h = await startHarness();
  const account = (await h.control("/accounts", {})).data as { api_key: string };
  other = new Telnyx({ apiKey: account.api_key, baseURL: h.sandbox.baseUrl, maxRetries: 0 });
});
afterAll(async () => {
  await h?.close();
});

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;

async function newConnection(client: Telnyx, userName: string) {
  const created = await client.credentialConnections.create({
    connection_name: `softphone ${userName}`,
    user_name: userName,
    password: "correct-horse-battery",
    sip_uri_calling_preference: "internal",
    webhook_event_url: "https://crm.example.com/api/telnyx/webhooks/calls",
  });
  return created.data!;
}

describe("credential connections", () => {
  it("creates, lists, retrieves, renames and deletes, the password shown only when the request set it", async () => {
    const created = await newConnection(h.client, "crmphone1");
    expect(created).toMatchObject({
      record_type: "credential_connection",
      connection_name: "softphone crmphone1",
      user_name: "crmphone1",
      password: "correct-horse-battery",
      active: true,
      sip_uri_calling_preference: "internal",
      webhook_event_url: "https://crm.example.com/api/telnyx/webhooks/calls",
      webhook_api_version: "2",
    });
    expect(created.id).toMatch(/^\d{19}$/);
    const id = created.id!;

    const listed = [];
    for await (const item of h.client.credentialConnections.list({
      filter: { connection_name: { contains: "PHONE1" } },
    }))
      listed.push(item);
    expect(listed.map((c) => c.id)).toEqual([id]);
    expect(listed[0]?.password).toBe("********");
    expect((await h.client.credentialConnections.retrieve(id)).data?.password).toBe("********");

    const renamed = await h.client.credentialConnections.update(id, { connection_name: "Agents' browsers" });
    expect(renamed.data).toMatchObject({ connection_name: "Agents' browsers", password: "********" });
    const repassworded = await h.client.credentialConnections.update(id, { password: "another-long-secret" });
    expect(repassworded.data?.password).toBe("another-long-secret");

    const deleted = await h.client.credentialConnections.delete(id);
    expect(deleted.data?.id).toBe(id);
    await expect(h.client.credentialConnections.retrieve(id)).rejects.toMatchObject({
      status: 404,
      error: { errors: [expect.objectContaining({ code: "10005" })] },
    });
  });

  it("refuses a missing field, a bad user name, a short password and a user name in use, in Telnyx's error shape", async () => {
    await expect(
      h.client.credentialConnections.create({ connection_name: "x", user_name: "abcd" } as never),
    ).rejects.toMatchObject({
      status: 422,
      error: { errors: [expect.objectContaining({ code: "10004", source: { pointer: "/password" } })] },
    });
    for (const [userName, password, pointer] of [
      ["ab", "long-enough-pw", "/user_name"],
      ["12345abc", "long-enough-pw", "/user_name"],
      ["with space", "long-enough-pw", "/user_name"],
      ["fineuser", "short", "/password"],
    ] as const) {
      await expect(
        h.client.credentialConnections.create({ connection_name: "x", user_name: userName, password }),
      ).rejects.toMatchObject({ status: 422, error: { errors: [expect.objectContaining({ source: { pointer } })] } });
    }
    await newConnection(h.client, "takenname");
    await expect(newConnection(h.client, "takenname")).rejects.toMatchObject({ status: 422 });
  });

  it("belongs to its account: another account neither lists, reads, changes nor deletes it", async () => {
    const mine = await newConnection(h.client, "mineonly1");
    const theirs = [];
    for await (const item of other.credentialConnections.list()) theirs.push(item.id);
    expect(theirs).not.toContain(mine.id);
    await expect(other.credentialConnections.retrieve(mine.id!)).rejects.toMatchObject({ status: 404 });
    await expect(other.credentialConnections.update(mine.id!, { connection_name: "stolen" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(other.credentialConnections.delete(mine.id!)).rejects.toMatchObject({ status: 404 });
    expect((await h.client.credentialConnections.retrieve(mine.id!)).data?.connection_name).toBe("softphone mineonly1");
  });
});

describe("telephony credentials", () => {
  it("creates a gencred credential on a connection, filters, updates, mints a 24 h JWT as text, and deletes", async () => {
    const connection = await newConnection(h.client, "agentsconn");
    const created = await h.client.telephonyCredentials.create({
      connection_id: connection.id!,
      name: "agent-1",
      tag: "crm-softphone",
    });
    const credential = created.data!;
    expect(credential).toMatchObject({
      record_type: "credential",
      name: "agent-1",
      expired: false,
      resource_id: `connection:${connection.id}`,
    });
    expect(credential.sip_username).toMatch(/^gencred[A-Za-z0-9]{22}$/);
    expect(credential.sip_password).toMatch(/^[0-9a-f]{32}$/);

    const byTag = [];
    for await (const item of h.client.telephonyCredentials.list({
      filter: { tag: "crm-softphone", resource_id: `connection:${connection.id}` },
    }))
      byTag.push(item.id);
    expect(byTag).toEqual([credential.id]);
    const bySip = await h.client.telephonyCredentials.list({ filter: { sip_username: credential.sip_username! } });
    expect(bySip.data.map((c) => c.id)).toEqual([credential.id]);

    const updated = await h.client.telephonyCredentials.update(credential.id!, { name: "agent-1 (Ana)" });
    expect(updated.data?.name).toBe("agent-1 (Ana)");

    const before = Math.floor(Date.now() / 1000);
    const token = await h.client.telephonyCredentials.createToken(credential.id!);
    expect(typeof token).toBe("string");
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString("utf8"));
    expect(header).toEqual({ alg: "HS512", typ: "JWT" });
    const claims = claimsOf(token);
    expect(claims).toMatchObject({ aud: "telnyx_telephony", iss: "telnyx_telephony", typ: "access" });
    expect(Number(claims["exp"]) - Number(claims["iat"])).toBe(24 * 3600);
    expect(Number(claims["iat"])).toBeGreaterThanOrEqual(before);
    expect(h.sandbox.world.telephonyCredentials.verifyToken(token)?.credential.sip_username).toBe(
      credential.sip_username,
    );

    await h.client.telephonyCredentials.delete(credential.id!);
    await expect(h.client.telephonyCredentials.retrieve(credential.id!)).rejects.toMatchObject({ status: 404 });
    await expect(h.client.telephonyCredentials.createToken(credential.id!)).rejects.toMatchObject({ status: 404 });
    // Deleting the credential revokes what it gave: its tokens no longer log in.
    expect(h.sandbox.world.telephonyCredentials.verifyToken(token)).toBeNull();
  });

  it("caps a token at the credential's own expiry and refuses tokens and updates once it has expired", async () => {
    const connection = await newConnection(h.client, "expiring1");
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const credential = (await h.client.telephonyCredentials.create({ connection_id: connection.id!, expires_at: soon }))
      .data!;
    const token = await h.client.telephonyCredentials.createToken(credential.id!);
    expect(Number(claimsOf(token)["exp"])).toBe(Math.floor(Date.parse(soon) / 1000));

    const past = (
      await h.client.telephonyCredentials.create({
        connection_id: connection.id!,
        expires_at: new Date(Date.now() - 1000).toISOString(),
      })
    ).data!;
    expect((await h.client.telephonyCredentials.retrieve(past.id!)).data?.expired).toBe(true);
    const expired = await h.client.telephonyCredentials.list({ filter: { status: "expired" } });
    expect(expired.data.map((c) => c.id)).toContain(past.id);
    await expect(h.client.telephonyCredentials.createToken(past.id!)).rejects.toMatchObject({ status: 422 });
    await expect(h.client.telephonyCredentials.update(past.id!, { name: "again" })).rejects.toMatchObject({
      status: 422,
    });
  });

  it("needs a credential connection of the same account, and deleting the connection deletes its credentials", async () => {
    await expect(h.client.telephonyCredentials.create({} as never)).rejects.toMatchObject({
      status: 422,
      error: { errors: [expect.objectContaining({ code: "10004", source: { pointer: "/connection_id" } })] },
    });
    await expect(h.client.telephonyCredentials.create({ connection_id: "123" })).rejects.toMatchObject({
      status: 422,
      error: { errors: [expect.objectContaining({ source: { pointer: "/connection_id" } })] },
    });
    const connection = await newConnection(h.client, "cascade1");
    await expect(other.telephonyCredentials.create({ connection_id: connection.id! })).rejects.toMatchObject({
      status: 422,
    });
    const credential = (await h.client.telephonyCredentials.create({ connection_id: connection.id! })).data!;
    await expect(other.telephonyCredentials.retrieve(credential.id!)).rejects.toMatchObject({ status: 404 });
    await expect(other.telephonyCredentials.createToken(credential.id!)).rejects.toMatchObject({ status: 404 });
    await expect(other.telephonyCredentials.delete(credential.id!)).rejects.toMatchObject({ status: 404 });
    const theirs = await other.telephonyCredentials.list();
    expect(theirs.data.map((c) => c.id)).not.toContain(credential.id);

    await h.client.credentialConnections.delete(connection.id!);
    await expect(h.client.telephonyCredentials.retrieve(credential.id!)).rejects.toMatchObject({ status: 404 });
  });
});
