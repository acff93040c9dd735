import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { keepNewestStatus, type OwnStatus } from "./own-status";
import { applyAgentUpdate } from "./stats-cache";
import { minutes } from "./test-fixtures";

const ownKey = [["agents", "getStatus"], { type: "query" }];
const me = { userId: "agent-1", role: "AGENT" as const };
const update = (status: "AVAILABLE" | "AWAY" | "OFFLINE" | "WRAP_UP", since: Date, userId = "agent-1") => ({
  userId,
  name: "Agent One",
  status,
  since,
  currentCallId: null,
});

describe("the header's own state", () => {
  it("follows the server's agent:updated events about the signed-in user only, newest first", () => {
    const client = new QueryClient();
    client.setQueryData(ownKey, { status: "OFFLINE", since: minutes(1) });
    applyAgentUpdate(client, update("AVAILABLE", minutes(2)), me);
    expect(client.getQueryData(ownKey)).toEqual({ status: "AVAILABLE", since: minutes(2) });
    applyAgentUpdate(client, update("AWAY", minutes(3), "agent-2"), me);
    expect(client.getQueryData(ownKey)).toEqual({ status: "AVAILABLE", since: minutes(2) });
    applyAgentUpdate(client, update("OFFLINE", minutes(1)), me); // late, older event
    expect(client.getQueryData(ownKey)).toEqual({ status: "AVAILABLE", since: minutes(2) });
    applyAgentUpdate(client, update("WRAP_UP", minutes(4)), me);
    expect(client.getQueryData(ownKey)).toEqual({ status: "WRAP_UP", since: minutes(4) });
  });

  it("keeps a live event over a fetch answered later but read before it", () => {
    const live: OwnStatus = { status: "AVAILABLE", since: minutes(5) };
    expect(keepNewestStatus(live, { status: "OFFLINE", since: minutes(1) })).toBe(live);
    const fresher: OwnStatus = { status: "AWAY", since: minutes(6) };
    expect(keepNewestStatus(live, fresher)).toBe(fresher);
    expect(keepNewestStatus(undefined, live)).toBe(live);
  });
});
