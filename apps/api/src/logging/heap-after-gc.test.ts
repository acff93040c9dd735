import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { watchHeapAfterGc } from "./heap-after-gc";

// A full collection on demand: V8's gc() exposed after start-up (the flag applies to new contexts).
setFlagsFromString("--expose-gc");
const fullGc = runInNewContext("gc") as () => void;
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

it("records the heap left after each full garbage collection, and follows it down when garbage is freed", async () => {
  const reading = watchHeapAfterGc();
  expect(watchHeapAfterGc()).toBe(reading);
  const before = reading.count;

  let ballast: number[][] | null = Array.from({ length: 200 }, () => Array.from({ length: 50_000 }, (_, i) => i));
  fullGc();
  await settle();
  expect(reading.count).toBeGreaterThan(before);
  const withBallast = reading.bytes ?? 0;
  expect(ballast.length).toBe(200);

  ballast = null;
  fullGc();
  await settle();
  const without = reading.bytes ?? Number.POSITIVE_INFINITY;
  // 200 × 50,000 small integers ≈ 80 MB of elements: the kept heap drops by most of it.
  expect(withBallast - without).toBeGreaterThan(40 * 1024 * 1024);
  expect(without).toBeGreaterThan(0);
});
