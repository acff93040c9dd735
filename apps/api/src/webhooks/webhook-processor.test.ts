import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWebhookEvent, type KnownTelnyxEvent } from "@app/telnyx-core/webhooks/parse-event";
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

  it("keeps calls, conferences and number orders in lane 0 and spreads messages over the other lanes", () => {
    for (const file of files.filter((f) => f.startsWith("call.") || f.startsWith("conference.")))
      expect(laneOf(known(file), 4)).toBe(0);
    const messageLanes = files.filter((f) => f.startsWith("message.")).map((f) => laneOf(known(f), 4));
    expect(messageLanes.every((lane) => lane >= 1 && lane <= 3)).toBe(true);
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
    expect(spread).toEqual(new Set([1, 2, 3]));
  });

  it("uses one lane on the embedded database", () => {
    for (const file of files.slice(0, 10)) expect(laneOf(known(file), 1)).toBe(0);
  });
});
