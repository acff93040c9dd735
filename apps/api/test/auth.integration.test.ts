import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@app/db/seed";
import { createMemoryCookieJar } from "../src/trpc/context";
import { resolveSession } from "../src/auth/sessions";
import { setupTestApi, type TestApi } from "./harness";

let api: TestApi;
beforeAll(async () => {
  api = await setupTestApi();
});
afterAll(async () => {
  await api?.close();
});

describe("auth", () => {
  it("logs in with the right password, sets a session that resolves to the member, and logs out", async () => {
    const jar = createMemoryCookieJar();
    const me = await api.anonymous(jar).auth.login({ email: "Admin@Acme.test ", password: DEMO_PASSWORD });
    expect(me.role).toBe("ADMIN");
    expect(me.organization.slug).toBe("acme");
    expect(jar.value).toMatch(/^ses_/);
    const caller = await resolveSession(api.db, jar.value!);
    expect(caller).toMatchObject({ userId: me.user.id, organizationId: me.organization.id, role: "ADMIN" });
    await api.anonymous(jar).auth.logout();
    expect(jar.value).toBeUndefined();
  });

  it("rotates the session at login: a token planted before login is destroyed", async () => {
    const jar = createMemoryCookieJar();
    await api.anonymous(jar).auth.login({ email: "agent1@acme.test", password: DEMO_PASSWORD });
    const planted = jar.value!;
    await api.anonymous(jar).auth.login({ email: "agent1@acme.test", password: DEMO_PASSWORD });
    expect(jar.value).not.toBe(planted);
    expect(await resolveSession(api.db, planted)).toBeNull();
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const wrong = await api
      .anonymous()
      .auth.login({ email: "agent2@acme.test", password: "nope" })
      .catch((e) => e);
    const unknown = await api
      .anonymous()
      .auth.login({ email: "ghost@acme.test", password: "nope" })
      .catch((e) => e);
    expect(wrong.message).toBe("Wrong email or password.");
    expect(unknown.message).toBe(wrong.message);
    expect(wrong.code).toBe("UNAUTHORIZED");
  });

  it("locks an email out after 5 failures, even with the right password then", async () => {
    for (let i = 0; i < 5; i += 1) {
      await api
        .anonymous()
        .auth.login({ email: "supervisor@acme.test", password: `bad-${i}` })
        .catch(() => undefined);
    }
    const error = await api
      .anonymous()
      .auth.login({ email: "supervisor@acme.test", password: DEMO_PASSWORD })
      .catch((e) => e);
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/Too many login attempts/);
  });

  it("returns null from me when not logged in, and refuses protected procedures", async () => {
    expect(await api.anonymous().auth.me()).toBeNull();
    const error = await api
      .anonymous()
      .leads.list({})
      .catch((e) => e);
    expect(error.code).toBe("UNAUTHORIZED");
  });
});

describe("profile", () => {
  it("sets the agent's device as E.164 or a SIP address, and refuses anything else", async () => {
    const agent = api.asDemoAgent();
    expect((await agent.auth.updateProfile({ agentDevice: "+1 (555) 000-1001" })).user.agentDevice).toBe(
      "+15550001001",
    );
    expect((await agent.auth.updateProfile({ agentDevice: "sip:thomas@acme.sip.telnyx.com" })).user.agentDevice).toBe(
      "sip:thomas@acme.sip.telnyx.com",
    );
    const error = await agent.auth.updateProfile({ agentDevice: "call me maybe" }).catch((e) => e);
    expect(error.code).toBe("BAD_REQUEST");
    expect((await agent.auth.updateProfile({ agentDevice: "" })).user.agentDevice).toBeNull();
    const audited = await api.db.prisma.auditLog.count({
      where: { action: "user.update_profile", userId: api.demo.users.agent1.id },
    });
    expect(audited).toBe(3);
  });
});
