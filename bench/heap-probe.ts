/**
 * The live heap of the API process on demand: a full garbage collection forced through its inspector
 * (the bench starts it with --inspect on loopback), then the heap in use. /metrics only reports the heap
 * after the last full GC the process chose to run, and a one-minute run may see none.
 * The inspector speaks WebSocket: a short child Node (whose WebSocket client is behind a flag on Node 20) asks.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

const PROBE = `
const ws = new WebSocket(process.argv[1]);
const send = (id, method, params) => ws.send(JSON.stringify({ id, method, params }));
ws.onopen = () => send(1, "HeapProfiler.collectGarbage");
ws.onmessage = (message) => {
  const reply = JSON.parse(message.data);
  if (reply.id === 1) send(2, "Runtime.evaluate", { expression: "process.memoryUsage().heapUsed", returnByValue: true });
  if (reply.id === 2) { console.log(reply.result.result.value); process.exit(0); }
};
ws.onerror = () => process.exit(1);
setTimeout(() => process.exit(2), 20000);
`;

/** MB of V8 heap in use right after a forced full GC; NaN when the inspector cannot be reached. */
export async function readHeapAfterFullGcMb(inspectorPort: number): Promise<number> {
  try {
    const targets = (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`).then((r) => r.json())) as Array<{
      webSocketDebuggerUrl: string;
    }>;
    const url = targets[0]?.webSocketDebuggerUrl;
    if (!url) return Number.NaN;
    const { stdout } = await run(process.execPath, ["--experimental-websocket", "--no-warnings", "-e", PROBE, url], {
      timeout: 30_000,
    });
    return Number(stdout.trim()) / 2 ** 20;
  } catch {
    return Number.NaN;
  }
}
