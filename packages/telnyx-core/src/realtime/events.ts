/**
 * The one live-event contract shared by the server, the web app and internal tools.
 * Names are `domain:verb`; every payload has a zod schema so receivers can validate.
 */
import { z } from "zod";

export const ZReadyEventSchema = z.object({ userId: z.string(), organizationId: z.string(), role: z.enum(["ADMIN", "SUPERVISOR", "AGENT"]) });
export type TReadyEvent = z.infer<typeof ZReadyEventSchema>;

export interface ServerToClientEvents {
  ready: (event: TReadyEvent) => void;
}

export type AckResult<T = undefined> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClientToServerEvents {}

export interface SocketData {
  userId: string;
  organizationId: string;
  role: "ADMIN" | "SUPERVISOR" | "AGENT";
  sessionId?: string;
  tokenId?: string;
}

export const orgRoom = (organizationId: string) => `org:${organizationId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
