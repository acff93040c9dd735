import { describe, expect, it } from "vitest";
import { createRefusalLog } from "./refusal-log";

describe("createRefusalLog", () => {
  it("logs a flood of refusals as one line with the counts, not one line each", () => {
    const lines: unknown[] = [];
    const refusals = createRefusalLog({ warn: (obj) => lines.push(obj) }, 3_600_000);
    for (let i = 0; i < 500; i += 1) refusals.refused(i % 5 === 0 ? "unknown_endpoint" : "bad_signature");
    // The first refusal is reported at once; the rest wait for the interval's single line (or shutdown).
    expect(lines).toEqual([{ refused: { unknown_endpoint: 1 } }]);
    refusals.stop();
    expect(lines).toEqual([
      { refused: { unknown_endpoint: 1 } },
      { refused: { bad_signature: 400, unknown_endpoint: 99 } },
    ]);
    expect(Object.fromEntries(refusals.totals())).toEqual({ unknown_endpoint: 100, bad_signature: 400 });
  });
});
