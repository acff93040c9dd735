import { describe, expect, it } from "vitest";
import { applyOwnUpdate, keepNewestStatus, type OwnStatus } from "./own-status";
import { minutes } from "./test-fixtures";

const update = (status: OwnStatus["status"], since: Date, userId = "agent-1") => ({ userId, status, since });

describe("the header's own state", () => {
  it("follows the server's agent:updated events about the signed-in user only, newest first", () => {
    let own: OwnStatus | undefined = { status: "OFFLINE", since: minutes(1) };
    own = applyOwnUpdate(own, update("AVAILABLE", minutes(2)), "agent-1");
    expect(own).toEqual({ status: "AVAILABLE", since: minutes(2) });
    own = applyOwnUpdate(own, update("AWAY", minutes(3), "agent-2"), "agent-1");
    expect(own).toEqual({ status: "AVAILABLE", since: minutes(2) });
    own = applyOwnUpdate(own, update("OFFLINE", minutes(1)), "agent-1"); // late, older event
    expect(own).toEqual({ status: "AVAILABLE", since: minutes(2) });
    own = applyOwnUpdate(own, update("WRAP_UP", minutes(4)), "agent-1");
    expect(own).toEqual({ status: "WRAP_UP", since: minutes(4) });
    expect(applyOwnUpdate(undefined, update("AVAILABLE", minutes(5)), "agent-1")).toEqual({
      status: "AVAILABLE",
      since: minutes(5),
    });
  });

  it("keeps a live event over a fetch answered later but read before it", () => {
    const live: OwnStatus = { status: "AVAILABLE", since: minutes(5) };
    expect(keepNewestStatus(live, { status: "OFFLINE", since: minutes(1) })).toBe(live);
    const fresher: OwnStatus = { status: "AWAY", since: minutes(6) };
    expect(keepNewestStatus(live, fresher)).toBe(fresher);
    expect(keepNewestStatus(undefined, live)).toBe(live);
  });
});
