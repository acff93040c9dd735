/**
 * Live events over socket.io with the server's own event map: payloads are validated with
 * SERVER_EVENT_SCHEMAS, reconnection is automatic, and after every reconnection a `catchup`
 * signal tells tools whether events may have been missed (then they re-list what they show).
 * The connection opts in to coalesced delivery (one `batch` packet per short window, telnyx-core
 * realtime/frames.ts); batches are unpacked in order, so handlers still receive single events.
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import {
  SERVER_EVENT_SCHEMAS,
  type ServerEventName,
  type ServerEventPayload,
  type TReadyEvent,
} from "@app/telnyx-core/realtime/events";
import { BATCH_EVENT, BATCH_FRAMES_AUTH, unpackBatch } from "@app/telnyx-core/realtime/frames";

export interface CatchupSignal {
  /** true: the server replayed what was missed (short outage); false: re-list to be sure. */
  recovered: boolean;
}

export type LiveError =
  | { kind: "invalid_payload"; event: string; message: string }
  | { kind: "connect_failed"; message: string }
  | { kind: "closed_by_server"; message: string };

/** Events of the server map plus the connection's own signals. */
export type LiveEventMap = { [E in ServerEventName]: ServerEventPayload<E> } & {
  catchup: CatchupSignal;
  disconnect: { reason: string };
  error: LiveError;
};
export type LiveEventName = keyof LiveEventMap;

export interface LiveConnection {
  /** Subscribes; returns a function that unsubscribes. Connects on first use. */
  on<E extends LiveEventName>(event: E, handler: (payload: LiveEventMap[E]) => void): () => void;
  /** Resolves once authenticated (with who the server sees), rejects if the token is refused. */
  ready(): Promise<TReadyEvent>;
  readonly connected: boolean;
  close(): void;
}

export interface LiveOptions {
  url: string;
  token: string;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

const SERVER_EVENTS = Object.keys(SERVER_EVENT_SCHEMAS) as ServerEventName[];

export function createLiveConnection(options: LiveOptions): LiveConnection {
  const handlers = new Map<string, Set<(payload: never) => void>>();
  let socket: Socket | undefined;
  let hasConnected = false;
  let readyPromise: Promise<TReadyEvent> | undefined;

  const dispatch = (event: string, payload: unknown) => {
    for (const handler of handlers.get(event) ?? []) (handler as (payload: unknown) => void)(payload);
  };

  function open(): Socket {
    if (socket) return socket;
    socket = io(options.url, {
      path: "/socket.io",
      transports: ["websocket"],
      auth: { token: options.token, ...BATCH_FRAMES_AUTH },
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      ...options.socketOptions,
    });
    const receive = (event: string, raw: unknown) => {
      if (!Object.hasOwn(SERVER_EVENT_SCHEMAS, event)) return;
      const parsed = SERVER_EVENT_SCHEMAS[event as ServerEventName].safeParse(raw);
      if (parsed.success) dispatch(event, parsed.data);
      else dispatch("error", { kind: "invalid_payload", event, message: parsed.error.message } satisfies LiveError);
    };
    for (const event of SERVER_EVENTS) socket.on(event as never, (raw: unknown) => receive(event, raw));
    socket.on(BATCH_EVENT, (items: unknown) => unpackBatch(items, receive));
    socket.on("connect", () => {
      if (hasConnected) dispatch("catchup", { recovered: socket?.recovered ?? false } satisfies CatchupSignal);
      hasConnected = true;
    });
    socket.on("disconnect", (reason) => {
      dispatch("disconnect", { reason });
      if (reason === "io server disconnect") {
        dispatch("error", {
          kind: "closed_by_server",
          message: "The server closed the connection (token revoked or logged out).",
        } satisfies LiveError);
      }
    });
    socket.on("connect_error", (error) => {
      const message =
        error.message === "UNAUTHORIZED" ? "The API token was refused (unknown, expired or revoked)." : error.message;
      dispatch("error", { kind: "connect_failed", message } satisfies LiveError);
    });
    return socket;
  }

  return {
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      set.add(handler as (payload: never) => void);
      handlers.set(event, set);
      open();
      return () => set.delete(handler as (payload: never) => void);
    },
    ready() {
      readyPromise ??= new Promise<TReadyEvent>((resolve, reject) => {
        const offReady = this.on("ready", (ready) => {
          offReady();
          offError();
          resolve(ready);
        });
        const offError = this.on("error", (error) => {
          if (error.kind !== "connect_failed") return;
          offReady();
          offError();
          readyPromise = undefined;
          reject(new Error(error.message));
        });
      });
      return readyPromise;
    },
    get connected() {
      return socket?.connected ?? false;
    },
    close() {
      socket?.close();
      socket = undefined;
      hasConnected = false;
      readyPromise = undefined;
    },
  };
}
