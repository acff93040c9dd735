/**
 * API tokens: created by admins (shown once, stored hashed), usable as Bearer on tRPC, REST and
 * sockets, and revoked at once everywhere — including sockets already open.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { hashToken } from "../src/auth/tokens";
import { setupTestApi, type TestServer } from "./harness";

let api: TestServer;
let url: string;

beforeAll(async () => {
  api = await setupTestApi({ server: true });
  url = api.url;
});
afterAll(async () => {
  await api?.close();
});

function openSocket(token: string): Promise<{ socket: Socket; error?: Error }> {
  const socket = connect(url, { path: "/socket.io", transports: ["websocket"], reconnection: false, auth: { token } });
  return new Promise((resolve) => {
    socket.on("ready", () => resolve({ socket }));
    socket.on("connect_error", (error) => resolve({ socket, error }));
  });
}

const restLeads = (token: string) => fetch(`${url}/api/leads`, { headers: { authorization: `Bearer ${token}` } });
const trpcLeads = (token: string) =>
  fetch(`${url}/trpc/leads.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
    headers: { authorization: `Bearer ${token}` },
  });
const trpcMe = (token: string) => fetch(`${url}/trpc/auth.me`, { headers: { authorization: `Bearer ${token}` } });

describe("API tokens", () => {
  it("creates a token shown once, stored only as a hash, listed with its creator", async () => {
    const { token, item } = await api.asDemoAdmin().tokens.create({ name: "Reporting script", role: "SUPERVISOR" });
    expect(token).toMatch(/^tcrm_[A-Za-z0-9_-]{40,}$/);
    expect(item).toMatchObject({
      name: "Reporting script",
      role: "SUPERVISOR",
      revokedAt: null,
      userName: api.demo.users.admin.name,
    });
    expect(token.startsWith(item.prefix)).toBe(true);
    const row = await api.db.prisma.apiToken.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const list = await api.asDemoAdmin().tokens.list();
    expect(list.map((t) => t.id)).toContain(item.id);
    expect(JSON.stringify(list)).not.toContain(token);
    const audit = await api.db.prisma.auditLog.findFirst({ where: { action: "token.create", targetId: item.id } });
    expect(audit).toMatchObject({ userId: api.demo.users.admin.id, result: "ok" });
  });

  it("acts with the token's role, not its creator's", async () => {
    const { token } = await api.asDemoAdmin().tokens.create({ name: "agent bot", role: "AGENT" });
    expect((await trpcLeads(token)).status).toBe(200);
    const list = await fetch(`${url}/trpc/tokens.list`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(403);
  });

  it("refuses a past expiry and an empty name with field errors", async () => {
    await expect(
      api.asDemoAdmin().tokens.create({ name: "x", role: "AGENT", expiresAt: new Date(Date.now() - 1000) }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.asDemoAdmin().tokens.create({ name: " ", role: "AGENT" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("an expired token is refused", async () => {
    const { token, item } = await api
      .asDemoAdmin()
      .tokens.create({ name: "short", role: "AGENT", expiresAt: new Date(Date.now() + 60_000) });
    expect((await trpcMe(token)).status).toBe(200);
    await api.db.prisma.apiToken.update({ where: { id: item.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await restLeads(token)).status).toBe(401);
  });

  it("supervisors and agents cannot manage tokens", async () => {
    await expect(api.asDemoSupervisor().tokens.create({ name: "x", role: "AGENT" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(api.asDemoAgent().tokens.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("revocation takes effect at once on tRPC, REST and an open socket", async () => {
    const { token, item } = await api.asDemoAdmin().tokens.create({ name: "live monitor", role: "SUPERVISOR" });
    expect((await restLeads(token)).status).toBe(200);
    expect((await trpcLeads(token)).status).toBe(200);
    const { socket, error } = await openSocket(token);
    expect(error).toBeUndefined();
    const disconnected = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));

    // Revoke through the running server's own context (what the web app's request does).
    const response = await fetch(`${url}/trpc/tokens.revoke`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${(await api.asDemoAdmin().tokens.create({ name: "admin", role: "ADMIN" })).token}`,
      },
      body: JSON.stringify({ json: { id: item.id } }),
    });
    expect(response.status).toBe(200);
    expect(await disconnected).toBe("io server disconnect");
    expect((await restLeads(token)).status).toBe(401);
    expect((await trpcLeads(token)).status).toBe(401);
    expect((await openSocket(token)).error?.message).toBe("UNAUTHORIZED");
    const row = await api.db.prisma.apiToken.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.revokedAt).toBeInstanceOf(Date);
    expect(await api.db.prisma.auditLog.count({ where: { action: "token.revoke", targetId: item.id } })).toBe(1);
    socket.close();
  });

  it("another organization's admin can neither see nor revoke the token", async () => {
    const { item } = await api.asDemoAdmin().tokens.create({ name: "private", role: "AGENT" });
    expect((await api.asOtherAdmin().tokens.list()).map((t) => t.id)).not.toContain(item.id);
    await expect(api.asOtherAdmin().tokens.revoke({ id: item.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api.db.prisma.apiToken.findUniqueOrThrow({ where: { id: item.id } })).revokedAt).toBeNull();
  });
});
