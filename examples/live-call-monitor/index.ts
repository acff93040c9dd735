/**
 * Prints the organization's calls as they change, live.
 *   CRM_URL=http://localhost:4000 CRM_TOKEN=tcrm_… node --import tsx index.ts
 * A supervisor or admin token sees every call; an agent token only the agent's own.
 */
import { appErrorCodeOf, createTelnyxCrmClient, type TCallDto } from "@app/client";

const url = process.env.CRM_URL ?? "http://localhost:4000";
const token = process.env.CRM_TOKEN;
if (!token) {
  console.error("Set CRM_TOKEN to an API token (Settings → API tokens in the web app).");
  process.exit(2);
}

const crm = createTelnyxCrmClient({ url, token });
const lastStatus = new Map<string, string>();

function print(call: TCallDto): void {
  if (lastStatus.get(call.id) === call.status) return;
  lastStatus.set(call.id, call.status);
  const time = new Date().toISOString().slice(11, 19);
  const who = call.leadName ?? (call.direction === "OUTBOUND" ? call.toNumber : call.fromNumber);
  const agent = call.agentName ? ` agent=${call.agentName}` : "";
  const ended = call.endedAt
    ? ` duration=${call.durationSecs ?? 0}s${call.hangupCause ? ` cause=${call.hangupCause}` : ""}`
    : "";
  console.log(
    `${time} call ${call.id} ${call.direction.toLowerCase()} ${call.fromNumber} -> ${call.toNumber} (${who}) ${call.status.toLowerCase()}${agent}${ended}`,
  );
}

/** Live calls at start and after a reconnection that could not replay what was missed. */
async function listActive(): Promise<void> {
  for (const call of await crm.trpc.calls.active.query()) print(call);
}

crm.live.on("call:created", print);
crm.live.on("call:updated", print);
crm.live.on("catchup", ({ recovered }) => {
  if (!recovered) void listActive().catch((error: Error) => console.error(`Could not re-list calls: ${error.message}`));
});
crm.live.on("disconnect", ({ reason }) => console.error(`disconnected (${reason}), reconnecting…`));
crm.live.on("error", (error) => {
  console.error(`live: ${error.message}`);
  if (error.kind !== "invalid_payload") {
    crm.close();
    process.exit(1);
  }
});

try {
  const me = await crm.live.ready();
  console.log(`monitoring calls of organization ${me.organizationId} as ${me.role.toLowerCase()} (Ctrl+C to stop)`);
  await listActive();
} catch (error) {
  // A token revoked while we start is refused by the API as well as by the socket.
  const reason =
    appErrorCodeOf(error) === "UNAUTHORIZED"
      ? "the API token was refused (token revoked, expired or unknown)."
      : (error as Error).message;
  console.error(`Cannot connect to ${url}: ${reason}`);
  process.exit(1);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    crm.close();
    process.exit(0);
  });
}
