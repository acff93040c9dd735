/**
 * The one shape dependencies reach domain code in. `DomainServices` is built once per request
 * (apps/api createContextInner) and once per event (the webhook processor); a signed-in request adds
 * its actor to make a `DomainContext`. Every member a write depends on is required, so the type system
 * proves a write cannot be skipped for want of a service: with no live channel the publisher is a
 * no-op chosen by whoever builds the context, never an `undefined` a caller has to remember.
 */
import type { Db } from "@app/db/open-db";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { Publisher } from "../realtime/events";
import type { Actor } from "./actor";

export interface DomainLog {
  error(obj: unknown, message: string): void;
  warn(obj: unknown, message: string): void;
}

export interface DomainServices {
  db: Db;
  /** The gateway an organization's actions go through (its own Telnyx key when saved). */
  gatewayFor(organizationId: string): Promise<TelnyxGateway>;
  publisher: Publisher;
  /** Now, as the domain sees it (one place to read the time from). */
  clock: () => Date;
  log: DomainLog;
}

export interface DomainContext extends DomainServices {
  actor: Actor;
}

/** What an action in the caller's Telnyx account takes: the database, the caller and their gateway. */
export type TelnyxContext = Pick<DomainContext, "db" | "actor" | "gatewayFor">;

export function withActor(services: DomainServices, actor: Actor): DomainContext {
  return { ...services, actor };
}

export const systemClock = (): Date => new Date();
