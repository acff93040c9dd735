/**
 * Click → the agent's own panel: a call placed over the API (what the web's Call button does) against the time its
 * `call:created` reaches the agent's socket (what opens the panel), and the time the create request answers (which
 * waits for Telnyx's dial). Calls go to the embedded sandbox; each is hung up before the next.
 */
import { io } from "socket.io-client";
import { BATCH_EVENT, BATCH_FRAMES_AUTH, unpackBatch } from "../packages/telnyx-core/src/realtime/frames";
import { nowMs } from "./socket-swarm";

export interface PanelBenchResult {
  runs: number;
  /** Request sent → `call:created` on the caller's socket. */
  panelP50Ms: number;
  panelP95Ms: number;
  /** Request sent → the create request answered. */
  responseP50Ms: number;
  responseP95Ms: number;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? Number.NaN;

export async function runPanelBench(api: { url: string; apiToken: string }, runs: number): Promise<PanelBenchResult> {
  // Batched, as the web app's socket is.
  const socket = io(api.url, { auth: { token: api.apiToken, ...BATCH_FRAMES_AUTH }, transports: ["websocket"] });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const waiting = new Map<string, (at: number) => void>();
  const onCreated = (call: { toNumber: string }) => waiting.get(call.toNumber)?.(nowMs());
  socket.on("call:created", onCreated);
  socket.on(BATCH_EVENT, (items: unknown) =>
    unpackBatch(items, (event, payload) => {
      if (event === "call:created") onCreated(payload as { toNumber: string });
    }),
  );
  const headers = { authorization: `Bearer ${api.apiToken}`, "content-type": "application/json" };
  const panel: number[] = [];
  const response: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const to = `+1312555${String(7000 + run).padStart(4, "0")}`;
      const shown = new Promise<number>((resolve) => waiting.set(to, resolve));
      const started = nowMs();
      const created = await fetch(`${api.url}/api/telnyx/calls`, {
        method: "POST",
        headers,
        body: JSON.stringify({ to }),
      });
      response.push(nowMs() - started);
      if (created.status !== 201) throw new Error(`call create answered ${created.status}: ${await created.text()}`);
      panel.push((await shown) - started);
      waiting.delete(to);
      const { data } = (await created.json()) as { data: { id: string } };
      await fetch(`${api.url}/api/telnyx/calls/${data.id}/hangup`, { method: "POST", headers, body: "{}" });
    }
  } finally {
    socket.close();
  }
  return {
    runs,
    panelP50Ms: percentile(panel, 50),
    panelP95Ms: percentile(panel, 95),
    responseP50Ms: percentile(response, 50),
    responseP95Ms: percentile(response, 95),
  };
}
