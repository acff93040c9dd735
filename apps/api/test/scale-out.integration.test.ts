/**
 * Two API instances on one PostgreSQL and one Redis: a webhook received by one instance reaches
 * a socket.io client connected to the other (socket.io Redis adapter), sent alone or in a batch
 * (coalesced delivery). PostgreSQL only: the embedded database belongs to a single process by design.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { BATCH_EVENT, BATCH_FRAMES_AUTH, unpackBatch } from "@app/telnyx-core/realtime/frames";
import { generateTestSigningKeyPair, signWebhook } from "@app/telnyx-core/webhooks/sign-webhook";
import { spawnApi, type SpawnedApi } from "./support/spawn-api";
import { inboundSms } from "./support/signed-events";

const TOKEN = "tok_scale_out_test_0123456789abcdef";
const NUMBER = "+13125550177";
let db: TestDb | undefined;
const apis: SpawnedApi[] = [];

afterAll(async () => {
  await Promise.all(apis.map((api) => api.stop()));
  await db?.drop();
});

describe.runIf((process.env.TEST_DB ?? "pglite") === "postgres")("two instances behind one Redis", () => {
  it("delivers a webhook received by instance A to a socket on instance B", async () => {
    db = await createTestDb("postgres");
    const key = generateTestSigningKeyPair();
    const env = {
      DATABASE_URL: db.databaseUrl!,
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      TELNYX_API_KEY: "KEY_SCALE_OUT_TEST",
      TELNYX_PUBLIC_KEY: key.publicKeyBase64,
      TELNYX_BASE_URL: "http://127.0.0.1:9/v2",
      SEED_API_TOKEN: TOKEN,
    };
    apis.push(await spawnApi({ env }));
    apis.push(await spawnApi({ env }));
    const [a, b] = apis as [SpawnedApi, SpawnedApi];
    const organization = await db.prisma.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    await db.prisma.telnyxPhoneNumber.create({
      data: {
        organizationId: organization.id,
        phoneNumber: NUMBER,
        countryCode: "US",
        status: "ACTIVE",
        features: ["sms", "voice"],
      },
    });

    const connectToB = async (auth: Record<string, string>) => {
      const socket = io(b.url, { path: "/socket.io", transports: ["websocket"], auth, reconnection: false });
      await new Promise<void>((resolve, reject) => {
        socket.once("ready", () => resolve());
        socket.once("connect_error", reject);
      });
      return socket;
    };
    const socket = await connectToB({ token: TOKEN });
    const batched = await connectToB({ token: TOKEN, ...BATCH_FRAMES_AUTH });
    const text = `scale-out ${randomUUID()}`;
    const received = new Promise<{ text: string }>((resolve) => {
      socket.on("message:created", (message: { text: string }) => {
        if (message.text === text) resolve(message);
      });
    });
    const receivedInBatch = new Promise<{ text: string }>((resolve) => {
      batched.on(BATCH_EVENT, (items: unknown) =>
        unpackBatch(items, (event, payload) => {
          const message = payload as { text: string };
          if (event === "message:created" && message.text === text) resolve(message);
        }),
      );
    });
    const body = inboundSms({ messageId: randomUUID(), from: "+14155550123", to: NUMBER, text });
    const response = await fetch(`${a.url}/api/telnyx/webhooks/o/${organization.webhookToken}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...signWebhook(body, key.privateKey) },
      body,
    });
    expect(response.status).toBe(200);
    expect((await received).text).toBe(text);
    expect((await receivedInBatch).text).toBe(text);
    socket.close();
    batched.close();
  });
});
