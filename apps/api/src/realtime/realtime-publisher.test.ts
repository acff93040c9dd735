import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  agentRoom,
  agentsRoom,
  batchedRoom,
  staffRoom,
  userRoom,
  wallboardRoom,
  type SocketData,
} from "@app/telnyx-core/realtime/events";
import { unpackBatch } from "@app/telnyx-core/realtime/frames";
import type { RealtimeServer } from "./realtime";
import { dataRoomsOf } from "./realtime";
import { createRoutingPublisher, type Lane, mayShareSocket } from "./realtime-publisher";

const ORGS = ["o1", "o2"];
const USERS = ["u1", "u2", "u3"];

// Every kind of socket, including one user who is staff in one organization and agent in the other.
const SOCKETS: SocketData[] = [
  { organizationId: "o1", userId: "u1", role: "ADMIN" },
  { organizationId: "o1", userId: "u2", role: "AGENT" },
  { organizationId: "o1", userId: "u3", role: "AGENT" },
  { organizationId: "o2", userId: "u1", role: "AGENT" },
  { organizationId: "o2", userId: "u2", role: "SUPERVISOR" },
  { organizationId: "o1", userId: "kiosk:k1", role: "AGENT", kioskId: "k1" },
  { organizationId: "o2", userId: "kiosk:k2", role: "AGENT", kioskId: "k2" },
];

interface Sent {
  rooms: string[];
  event: string;
  payload: unknown;
}

function recordingServer(sent: Sent[]): RealtimeServer {
  const to = (rooms: string | string[]) => ({
    emit: (event: string, payload: unknown) => sent.push({ rooms: [rooms].flat(), event, payload }),
  });
  return { to } as unknown as RealtimeServer;
}

/** What a socket in `rooms` receives, unpacked, in order (a broadcast reaches a socket once however many of its rooms it names). */
function received(sent: Sent[], rooms: string[]): { items: string[]; frames: number } {
  const items: string[] = [];
  let frames = 0;
  for (const packet of sent) {
    if (!packet.rooms.some((room) => rooms.includes(room))) continue;
    frames += 1;
    if (packet.event === "batch")
      unpackBatch(packet.payload, (event, payload) => items.push(`${event} ${JSON.stringify(payload)}`));
    else items.push(`${packet.event} ${JSON.stringify(packet.payload)}`);
  }
  return { items, frames };
}

type Op =
  | { to: "org"; org: string; kind: "call"; owner: string | null; direction: "INBOUND" | "OUTBOUND" }
  | { to: "org"; org: string; kind: "message" | "sync" }
  | { to: "org"; org: string; kind: "stats" | "agent"; user: string | null }
  | { to: "user"; user: string };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    to: fc.constant("org" as const),
    org: fc.constantFrom(...ORGS),
    kind: fc.constant("call" as const),
    owner: fc.constantFrom(null, ...USERS),
    direction: fc.constantFrom("INBOUND" as const, "OUTBOUND" as const),
  }),
  fc.record({
    to: fc.constant("org" as const),
    org: fc.constantFrom(...ORGS),
    kind: fc.constantFrom("message" as const, "sync" as const),
  }),
  fc.record({
    to: fc.constant("org" as const),
    org: fc.constantFrom(...ORGS),
    kind: fc.constantFrom("stats" as const, "agent" as const),
    user: fc.constantFrom(null, ...USERS),
  }),
  fc.record({ to: fc.constant("user" as const), user: fc.constantFrom(...USERS) }),
);

function publishAll(ops: Op[]): Sent[] {
  const sent: Sent[] = [];
  const publisher = createRoutingPublisher(recordingServer(sent), { frameWindowMs: 10 });
  for (const [seq, op] of ops.entries()) {
    const id = `e${seq}`;
    if (op.to === "user") {
      publisher.toUser(op.user, "call:incoming", { call: { id } } as never);
      continue;
    }
    const call = {
      id,
      userId: op.kind === "call" ? op.owner : null,
      direction: op.kind === "call" ? op.direction : "",
    };
    if (op.kind === "call") publisher.toOrganization(op.org, "call:updated", call as never);
    if (op.kind === "message") publisher.toOrganization(op.org, "message:created", { id } as never);
    if (op.kind === "sync") publisher.toOrganization(op.org, "sync:progress", { id } as never);
    if (op.kind === "stats") publisher.toOrganization(op.org, "stats:delta", { id, userId: op.user } as never);
    if (op.kind === "agent")
      publisher.toOrganization(op.org, "agent:updated", { id, userId: op.user ?? "u1" } as never);
  }
  publisher.flush();
  return sent;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("coalesced delivery", () => {
  it("gives every batched socket the events of its per-event twin, in the same order", () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 60 }), (ops) => {
        const sent = publishAll(ops);
        for (const socket of SOCKETS) {
          const rooms = dataRoomsOf(socket);
          expect(received(sent, rooms.map(batchedRoom)).items).toEqual(received(sent, rooms).items);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("sends a staff socket one frame for a burst of mixed events", () => {
    const ops: Op[] = [
      { to: "org", org: "o1", kind: "call", owner: "u2", direction: "OUTBOUND" },
      { to: "org", org: "o1", kind: "message" },
      { to: "org", org: "o1", kind: "call", owner: "u3", direction: "INBOUND" },
      { to: "org", org: "o1", kind: "stats", user: "u2" },
      { to: "org", org: "o2", kind: "message" },
    ];
    const sent = publishAll(ops);
    const admin = dataRoomsOf(SOCKETS[0]!);
    expect(received(sent, admin).frames).toBe(4);
    expect(received(sent, admin.map(batchedRoom))).toMatchObject({ frames: 1 });
    expect(received(sent, admin.map(batchedRoom)).items).toHaveLength(4);
  });

  it("sends the window once it ends, and not before", () => {
    vi.useFakeTimers();
    const sent: Sent[] = [];
    const publisher = createRoutingPublisher(recordingServer(sent), { frameWindowMs: 10 });
    publisher.toOrganization("o1", "message:created", { id: "m1" } as never);
    vi.advanceTimersByTime(5);
    publisher.toOrganization("o1", "message:created", { id: "m2" } as never);
    expect(sent.filter((packet) => packet.event === "batch")).toEqual([]);
    vi.advanceTimersByTime(5);
    const batches = sent.filter((packet) => packet.event === "batch");
    expect(batches.map((packet) => packet.rooms)).toEqual([
      [batchedRoom(staffRoom("o1"))],
      [batchedRoom(agentsRoom("o1"))],
    ]);
    expect(batches[0]!.payload).toEqual([
      ["message:created", { id: "m1" }],
      ["message:created", { id: "m2" }],
    ]);
  });

  it("knows which data rooms share a socket (mayShareSocket errs only towards true)", () => {
    const lanes: Lane[] = ORGS.flatMap((organizationId) => [
      { room: staffRoom(organizationId), kind: "staff", organizationId },
      { room: agentsRoom(organizationId), kind: "agents", organizationId },
      { room: wallboardRoom(organizationId), kind: "wallboard", organizationId },
      ...USERS.map(
        (userId): Lane => ({ room: agentRoom(organizationId, userId), kind: "agents", organizationId, userId }),
      ),
    ]);
    lanes.push(...USERS.map((userId): Lane => ({ room: userRoom(userId), kind: "user", userId })));
    for (const a of lanes) {
      for (const b of lanes) {
        const isShared = SOCKETS.some((socket) => [a.room, b.room].every((room) => dataRoomsOf(socket).includes(room)));
        if (isShared) expect(mayShareSocket(a, b), `${a.room} / ${b.room}`).toBe(true);
      }
    }
  });
});
