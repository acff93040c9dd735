import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { applyCall, applyCallback, applyMessage, applyOptOut, catchUpAfterConnect } from "./apply-live-event";
import type { Page, Pages } from "./cache-merge";
import type { ThreadPage } from "./message-cache";
import { makeCall, makeMessage, minutes } from "./test-fixtures";

const agent = { userId: "agent-1", role: "AGENT" as const };
const listKey = (input: object) => [["calls", "list"], { input, type: "infinite" }];

function callIds(client: QueryClient, input: object): string[] {
  const data = client.getQueryData<Pages<Page<TCallDto>>>(listKey(input));
  return data?.pages.flatMap((page) => page.items.map((call) => call.id)) ?? [];
}

describe("applyCall", () => {
  it("updates every cached calls view: filtered lists, active calls and the open detail", () => {
    const client = new QueryClient();
    const ringing = makeCall({ id: "c1", status: "RINGING", updatedAt: minutes(1) });
    client.setQueryData(listKey({ limit: 25 }), { pages: [{ items: [], nextCursor: null }], pageParams: [null] });
    client.setQueryData(listKey({ direction: "INBOUND", limit: 25 }), {
      pages: [{ items: [], nextCursor: null }],
      pageParams: [null],
    });
    client.setQueryData([["calls", "active"], { type: "query" }], []);
    client.setQueryData([["calls", "get"], { input: { id: "c1" }, type: "query" }], {
      ...ringing,
      timeline: [],
      recordingUrl: null,
    });

    applyCall(client, ringing, agent);
    expect(callIds(client, { limit: 25 })).toEqual(["c1"]);
    expect(callIds(client, { direction: "INBOUND", limit: 25 })).toEqual([]);
    expect(client.getQueryData<TCallDto[]>([["calls", "active"], { type: "query" }])?.map((c) => c.id)).toEqual(["c1"]);

    const ended = { ...ringing, status: "ENDED" as const, durationSecs: 42, updatedAt: minutes(3) };
    applyCall(client, ended, agent);
    applyCall(client, ringing, agent); // late duplicate
    expect(client.getQueryData<TCallDto[]>([["calls", "active"], { type: "query" }])).toEqual([]);
    expect(
      client.getQueryData<TCallDto & { timeline: unknown[] }>([
        ["calls", "get"],
        { input: { id: "c1" }, type: "query" },
      ]),
    ).toMatchObject({
      status: "ENDED",
      durationSecs: 42,
      timeline: [],
    });
  });
});

describe("applyCall for queue calls", () => {
  it("leaves another agent's queue call out of an agent's list unless the server listed it, then re-reads the list", () => {
    const client = new QueryClient();
    const queued = makeCall({ id: "q1", direction: "INBOUND", status: "RINGING", userId: null, queueId: "sales" });
    client.setQueryData(listKey({ limit: 25 }), { pages: [{ items: [], nextCursor: null }], pageParams: [null] });
    applyCall(client, queued, agent);
    expect(callIds(client, { limit: 25 })).toEqual([]);
    expect(client.getQueryState(listKey({ limit: 25 }))?.isInvalidated).toBe(false);

    const voicemail = {
      ...queued,
      status: "ENDED" as const,
      inboundOutcome: "VOICEMAIL" as const,
      updatedAt: minutes(2),
    };
    applyCall(client, voicemail, agent);
    expect(client.getQueryState(listKey({ limit: 25 }))?.isInvalidated).toBe(true);

    // Listed by the server (a queue the agent is in): later versions update it in place.
    client.setQueryData(listKey({ limit: 25 }), {
      pages: [{ items: [voicemail], nextCursor: null }],
      pageParams: [null],
    });
    applyCall(client, { ...voicemail, hasRecording: true, updatedAt: minutes(3) }, agent);
    const listed = client.getQueryData<Pages<Page<TCallDto>>>(listKey({ limit: 25 }));
    expect(listed?.pages[0]?.items.map((call) => call.hasRecording)).toEqual([true]);
  });
});

describe("applyCallback", () => {
  it("updates the page's lists and the menu's open count; an agent's unseen callback re-reads the list", () => {
    const client = new QueryClient();
    const callback = {
      id: "cb1",
      callId: "q1",
      reason: "VOICEMAIL" as const,
      fromNumber: "+33612345678",
      leadId: null,
      leadName: null,
      queueId: "sales",
      queueName: "Sales",
      recordingUrl: null,
      assigneeUserId: null,
      assigneeName: null,
      createdAt: minutes(1),
      doneAt: null,
    };
    const badgeKey = [["callbacks", "list"], { input: { status: "OPEN", mine: false, limit: 100 }, type: "query" }];
    const doneKey = [["callbacks", "list"], { input: { status: "DONE", mine: false, limit: 25 }, type: "infinite" }];
    client.setQueryData(badgeKey, { items: [callback], nextCursor: null });
    client.setQueryData(doneKey, { pages: [{ items: [], nextCursor: null }], pageParams: [null] });

    const done = { ...callback, doneAt: minutes(2), assigneeUserId: "agent-1", assigneeName: "Thomas Dubois" };
    applyCallback(client, done, agent);
    expect(client.getQueryData<{ items: unknown[] }>(badgeKey)?.items).toEqual([]);
    // Not in the agent's done list yet: whether they may see it is the server's call.
    expect(client.getQueryState(doneKey)?.isInvalidated).toBe(true);

    applyCallback(client, { ...callback, id: "cb2" }, { userId: "sup", role: "SUPERVISOR" });
    expect(client.getQueryData<{ items: { id: string }[] }>(badgeKey)?.items.map((item) => item.id)).toEqual(["cb2"]);
  });
});

describe("applyMessage and applyOptOut", () => {
  it("appends to the matching thread only and follows STOP", () => {
    const client = new QueryClient();
    const key = (input: object) => [["messages", "thread"], { input, type: "infinite" }];
    const empty = (counterpartNumber: string): Pages<ThreadPage> => ({
      pages: [{ items: [], nextCursor: null, optedOut: false, counterpartNumber, leadId: null, leadName: null }],
      pageParams: [null],
    });
    client.setQueryData(key({ leadId: "lead-1" }), empty("+33612345678"));
    client.setQueryData(key({ leadId: "lead-2" }), empty("+33699999999"));

    applyMessage(client, makeMessage({ id: "m1", direction: "INBOUND", status: "RECEIVED" }));
    const mine = client.getQueryData<Pages<ThreadPage>>(key({ leadId: "lead-1" }));
    expect(mine?.pages[0]?.items.map((m) => m.id)).toEqual(["m1"]);
    expect(client.getQueryData<Pages<ThreadPage>>(key({ leadId: "lead-2" }))?.pages[0]?.items).toEqual([]);

    applyOptOut(client, { phoneNumber: "+33612345678", optedOut: true, keyword: "STOP" });
    expect(client.getQueryData<Pages<ThreadPage>>(key({ leadId: "lead-1" }))?.pages[0]?.optedOut).toBe(true);
  });
});

describe("catchUpAfterConnect", () => {
  it("marks data fetched before the (re)connection stale, and nothing newer", () => {
    const client = new QueryClient();
    const before = [["calls", "list"], { input: {}, type: "infinite" }];
    const after = [["messages", "threads"], { input: {}, type: "infinite" }];
    const other = [["leads", "list"], { input: {}, type: "query" }];
    client.setQueryData(before, { pages: [], pageParams: [] }, { updatedAt: 1_000 });
    client.setQueryData(after, { pages: [], pageParams: [] }, { updatedAt: 3_000 });
    client.setQueryData(other, { items: [] }, { updatedAt: 1_000 });

    catchUpAfterConnect(client, 2_000);
    expect(client.getQueryState(before)?.isInvalidated).toBe(true);
    expect(client.getQueryState(after)?.isInvalidated).toBe(false);
    expect(client.getQueryState(other)?.isInvalidated).toBe(false);
  });
});
