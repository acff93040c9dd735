/**
 * Telnyx webhook endpoints. Thin on purpose: verify the Ed25519 signature over the raw bytes,
 * put the event in the inbox keyed by Telnyx's event id, answer 2xx. Applying happens in the
 * processor. A forged, tampered, stale or unsigned request gets 401 and changes nothing; a
 * database outage gets 503 so Telnyx retries later.
 * Tenancy: on an organization's endpoint (`/o/<token>`) only that organization's key verifies (its
 * own when it saved Telnyx keys, else the installation's) and the row carries the organization, so
 * the event can only touch that organization. The legacy shared paths verify with the installation's
 * key alone and their rows carry none (the processor scopes them to the installation's organizations).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseWebhookBody } from "@app/telnyx-core/webhooks/parse-event";
import { createWebhookVerifier, type WebhookVerifier } from "@app/telnyx-core/webhooks/verify-webhook";
import { isUnstorableRow, type InboxWriter } from "./inbox-writer";
import type { RefusalLog } from "./refusal-log";
import { toStorableJson } from "./storable-json";
import type { WebhookEndpoints } from "./webhook-endpoints";
import { sendError } from "../http/http-errors";

/** The shared paths of installations set up before per-organization endpoints (installation key only). */
export const LEGACY_WEBHOOK_PATHS = [
  "/api/telnyx/webhooks",
  "/api/telnyx/webhooks/calls",
  "/api/telnyx/webhooks/messages",
] as const;
export const ORGANIZATION_WEBHOOK_PATHS = [
  "/api/telnyx/webhooks/o/:token",
  "/api/telnyx/webhooks/o/:token/calls",
  "/api/telnyx/webhooks/o/:token/messages",
] as const;

export interface WebhookRouteDeps {
  inbox: InboxWriter;
  endpoints: WebhookEndpoints;
  /** The installation's keys (legacy paths). */
  installationKeys(): string[];
  /** The keys that verify on an organization's endpoint. */
  keysFor(organizationId: string): Promise<string[]>;
  refusals: RefusalLog;
}

export async function registerWebhookRoutes(app: FastifyInstance, deps: WebhookRouteDeps): Promise<void> {
  const verifiers = new Map<string, WebhookVerifier>();
  const verifierFor = (key: string) => {
    const known = verifiers.get(key);
    if (known) return known;
    const verifier = createWebhookVerifier(key);
    verifiers.set(key, verifier);
    return verifier;
  };

  await app.register(async (scope) => {
    // The signature covers the exact bytes Telnyx sent: keep the body as a string.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "string", bodyLimit: 1_048_576 }, (_request, body, done) =>
      done(null, body),
    );

    for (const path of LEGACY_WEBHOOK_PATHS) {
      scope.post(path, (request, reply) => ingest(request, reply, null, deps.installationKeys()));
    }
    for (const path of ORGANIZATION_WEBHOOK_PATHS) {
      scope.post<{ Params: { token: string } }>(path, async (request, reply) => {
        const organizationId = await deps.endpoints.organizationOf(request.params.token).catch(() => undefined);
        if (organizationId === undefined) return unavailable(reply);
        if (!organizationId) {
          deps.refusals.refused("unknown_endpoint");
          return sendError(reply, "NOT_FOUND", "Not found.");
        }
        const keys = await deps.keysFor(organizationId).catch(() => undefined);
        if (keys === undefined) return unavailable(reply);
        return ingest(request, reply, organizationId, keys);
      });
    }
  });

  async function ingest(request: FastifyRequest, reply: FastifyReply, organizationId: string | null, keys: string[]) {
    const rawBody = typeof request.body === "string" ? request.body : "";
    if (keys.length === 0) {
      deps.refusals.refused("no_key");
      return sendError(reply, "NOT_CONFIGURED", "No Telnyx public key is configured for this endpoint.");
    }
    const results = keys.map((key) => verifierFor(key)(rawBody, request.headers));
    if (!results.some((result) => result.ok)) {
      const reason = results.find((result) => !result.ok && result.reason !== "bad_signature") ?? results[0];
      deps.refusals.refused(reason && !reason.ok ? reason.reason : "bad_signature");
      return sendError(reply, "INVALID_SIGNATURE", "Webhook signature missing, invalid or stale.");
    }

    const body = toStorableJson(rawBody);
    const parsed = parseWebhookBody(body);
    if (!parsed.ok && (!parsed.eventId || !parsed.eventType)) {
      return sendError(reply, "INVALID_BODY", parsed.message);
    }
    const row = parsed.ok
      ? {
          id: parsed.event.id,
          organizationId,
          eventType: parsed.event.eventType,
          occurredAt: parsed.event.occurredAt,
          body,
          state: parsed.event.kind === "unknown" ? ("IGNORED" as const) : ("PENDING" as const),
          error: parsed.event.kind === "unknown" ? "unknown event type: stored, not applied" : undefined,
        }
      : {
          id: parsed.eventId!,
          organizationId,
          eventType: parsed.eventType!,
          occurredAt: new Date(),
          body,
          state: "IGNORED" as const,
          error: parsed.message.slice(0, 1000),
        };

    try {
      const isNew = await deps.inbox.write(row);
      return reply.code(200).send({ status: isNew ? "accepted" : "duplicate" });
    } catch (error) {
      if (isUnstorableRow(error)) {
        // Retrying cannot help: the database refuses these values (a 4xx ends Telnyx's retries).
        request.log.warn({ err: error }, "webhook refused by the database");
        return sendError(reply, "INVALID_BODY", "The event holds values that cannot be stored.");
      }
      request.log.error({ err: error }, "webhook inbox unavailable");
      return unavailable(reply);
    }
  }
}

function unavailable(reply: FastifyReply) {
  return sendError(reply, "UNAVAILABLE", "Temporarily unable to store the event; retry.", { retryAfterSecs: 5 });
}
