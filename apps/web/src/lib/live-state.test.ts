import { describe, expect, it } from "vitest";
import { initialLiveSnapshot, reduceLive, type LiveEvent, type LiveSnapshot } from "./live-state";

function run(...events: LiveEvent[]): LiveSnapshot {
  return events.reduce(reduceLive, initialLiveSnapshot);
}

const at = new Date("2026-01-01T10:00:00Z");

describe("reduceLive", () => {
  it("shows reconnecting while the first handshake runs, then connected", () => {
    expect(run({ type: "start" }).state).toBe("reconnecting");
    const open = run({ type: "start" }, { type: "connect", at });
    expect(open).toMatchObject({ state: "connected", connectedAt: at });
  });

  it("goes back to reconnecting when the transport drops, with the attempt number", () => {
    const snapshot = run(
      { type: "connect", at },
      { type: "disconnect", reason: "transport close" },
      { type: "reconnect_attempt", attempt: 3 },
    );
    expect(snapshot).toMatchObject({ state: "reconnecting", attempt: 3 });
  });

  it("is offline when the handshake is refused and socket.io gives up", () => {
    const snapshot = run({ type: "start" }, { type: "connect_error", message: "UNAUTHORIZED", willRetry: false });
    expect(snapshot).toMatchObject({ state: "offline", offlineReason: "unauthorized" });
  });

  it("tries again when the server closes the socket (restart, deploy)", () => {
    const snapshot = run({ type: "connect", at }, { type: "disconnect", reason: "io server disconnect" });
    expect(snapshot.state).toBe("reconnecting");
  });

  it("is offline when the tab closes the socket itself", () => {
    expect(run({ type: "connect", at }, { type: "disconnect", reason: "io client disconnect" }).state).toBe("offline");
  });

  it("stays offline while the device has no network, then resumes", () => {
    const down = run(
      { type: "connect", at },
      { type: "network", isOnline: false },
      { type: "reconnect_attempt", attempt: 1 },
    );
    expect(down).toMatchObject({ state: "offline", offlineReason: "network" });
    const back = reduceLive(reduceLive(down, { type: "network", isOnline: true }), { type: "connect", at });
    expect(back.state).toBe("connected");
  });
});
