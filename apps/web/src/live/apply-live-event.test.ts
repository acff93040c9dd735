import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { applyCall, applyMessage, applyOptOut, catchUpAfterConnect } from "./apply-live-event";
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
