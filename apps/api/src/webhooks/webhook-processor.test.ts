import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWebhookEvent, type KnownTelnyxEvent } from "@app/telnyx-core/webhooks/parse-event";
import { encodeCallClientState } from "@app/telnyx-core/calls/call-client-state";
import { encodeClientState } from "@app/telnyx-core/gateway/gateway-context";
import { laneOf } from "./webhook-processor";
import { findWebhookFixtures } from "../../../../tooling/testing/webhook-fixtures";

const FIXTURES_DIR = findWebhookFixtures();

function known(file: string): KnownTelnyxEvent {
  const parsed = parseWebhookEvent(JSON.parse(readFileSync(path.join(FIXTURES_DIR, file), "utf8")));
  if (!parsed.ok || parsed.event.kind === "unknown") throw new Error(`${file} is not a known event`);
  return parsed.event;
}

describe("laneOf", () => {
  const files = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith(".json"));

  const callFiles = files.filter((f) => f.startsWith("call.") || f.startsWith("conference."));
  /** A fixture as a leg of call `callId` would send it: our client_state, its own call_control_id. */
  const legEvent = (file: string, callId: string, leg: "agent" | "customer" | "other", ccid: string) => {
    const event = known(file);
    const clientState = encodeClientState(encodeCallClientState({ callId, leg }, "secret"));
    return { ...event, payload: { ...event.payload, callControlId: ccid, clientState } } as KnownTelnyxEvent;
  };

  it("puts every event of one call — every leg, conference and recording — in one lane", () => {
    for (const callId of ["call-a", "call-b", "cmabc123", "x"]) {
      const lanes = new Set(
        callFiles.flatMap((file, i) => [
          laneOf(legEvent(file, callId, "customer", `v3:customer-${i}`), 4),
          laneOf(legEvent(file, callId, "agent", `v3:agent-${i}`), 4),
          laneOf(legEvent(file, callId, "other", `v3:other-${i}`), 4),
        ]),
      );
      expect(lanes.size).toBe(1);
    }
  });

  it("spreads different calls over every lane, and keys a leg without our client_state by its call_control_id", () => {
    const file = callFiles[0]!;
    const spread = new Set(
      Array.from({ length: 200 }, (_, i) => laneOf(legEvent(file, `call-${i}`, "agent", "v3:x"), 4)),
    );
    expect(spread).toEqual(new Set([0, 1, 2, 3]));
    const bare = (name: string, ccid: string) => {
      const event = known(name);
      const { clientState: _ours, ...payload } = event.payload as { clientState?: string };
      return { ...event, payload: { ...payload, callControlId: ccid } } as KnownTelnyxEvent;
    };
    for (const ccid of ["v3:inbound-1", "v3:inbound-2", "v3:inbound-3"]) {
      expect(new Set(callFiles.map((name) => laneOf(bare(name, ccid), 4))).size).toBe(1);
    }
    expect(new Set(Array.from({ length: 200 }, (_, i) => laneOf(bare(file, `v3:leg-${i}`), 4)))).toEqual(
      new Set([0, 1, 2, 3]),
    );
  });

  it("puts every event of one message in the same lane, whatever its event id", () => {
    const event = known(files.find((f) => f.startsWith("message.received"))!);
    const lanes = new Set(Array.from({ length: 20 }, (_, i) => laneOf({ ...event, id: `evt-${i}` }, 4)));
    expect(lanes.size).toBe(1);
    const spread = new Set(
      Array.from({ length: 200 }, (_, i) =>
        laneOf({ ...event, payload: { ...event.payload, id: `msg-${i}` } } as KnownTelnyxEvent, 4),
      ),
    );
    expect(spread).toEqual(new Set([0, 1, 2, 3]));
  });

  it("uses one lane on the embedded database", () => {
    for (const file of files.slice(0, 10)) expect(laneOf(known(file), 1)).toBe(0);
  });
});
