/**
 * Telnyx webhook endpoints. Thin on purpose: verify the Ed25519 signature over the raw bytes,
 * put the event in the inbox keyed by Telnyx's event id, answer 2xx. Applying happens in the
 * processor. A forged, tampered, stale or unsigned request gets 401 and changes nothing; a
 * database outage gets 503 so Telnyx retries later.
 */
import type { FastifyInstance } from "fastify";
import { parseWebhookBody } from "@app/telnyx-core/webhooks/parse-event";
import { createWebhookVerifier, type WebhookVerifier } from "@app/telnyx-core/webhooks/verify-webhook";
import { isUnstorableRow, type InboxWriter } from "./inbox-writer";
import { toStorableJson } from "./storable-json";

export const WEBHOOK_PATHS = ["/api/telnyx/webhooks", "/api/telnyx/webhooks/calls", "/api/telnyx/webhooks/messages"] as const;

export interface WebhookRouteDeps {
  inbox: InboxWriter;
  publicKeys(): string[];
}

export async function registerWebhookRoutes(app: FastifyInstance, deps: WebhookRouteDeps): Promise<void> {
  const verifiers = new Map<string, WebhookVerifier>();
  const verifierFor = (key: string) => {
    let verifier = verifiers.get(key);
    if (!verifier) verifiers.set(key, (verifier = createWebhookVerifier(key)));
    return verifier;
  };

  await app.register(async (scope) => {
    // The signature covers the exact bytes Telnyx sent: keep the body as a string.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "string", bodyLimit: 1_048_576 }, (_request, body, done) => done(null, body));

    for (const path of WEBHOOK_PATHS) {
      scope.post(path, async (request, reply) => {
        const rawBody = typeof request.body === "string" ? request.body : "";
        const keys = deps.publicKeys();
        if (keys.length === 0) {
          return reply.code(401).send({ error: { code: "NOT_CONFIGURED", message: "No Telnyx public key is configured (TELNYX_PUBLIC_KEY)." } });
        }
        const results = keys.map((key) => verifierFor(key)(rawBody, request.headers));
        if (!results.some((result) => result.ok)) {
          const reason = results.find((result) => !result.ok && result.reason !== "bad_signature") ?? results[0];
          request.log.warn({ reason: reason && !reason.ok ? reason.reason : undefined }, "webhook refused");
          return reply.code(401).send({ error: { code: "INVALID_SIGNATURE", message: "Webhook signature missing, invalid or stale." } });
        }

        const body = toStorableJson(rawBody);
        const parsed = parseWebhookBody(body);
        if (!parsed.ok && (!parsed.eventId || !parsed.eventType)) {
          return reply.code(400).send({ error: { code: "INVALID_BODY", message: parsed.message } });
        }
        const row = parsed.ok
          ? {
              id: parsed.event.id,
              eventType: parsed.event.eventType,
              occurredAt: parsed.event.occurredAt,
              body,
              state: parsed.event.kind === "unknown" ? ("IGNORED" as const) : ("PENDING" as const),
              error: parsed.event.kind === "unknown" ? "unknown event type: stored, not applied" : undefined,
            }
          : { id: parsed.eventId!, eventType: parsed.eventType!, occurredAt: new Date(), body, state: "IGNORED" as const, error: parsed.message.slice(0, 1000) };

        try {
          const isNew = await deps.inbox.write(row);
          return reply.code(200).send({ status: isNew ? "accepted" : "duplicate" });
        } catch (error) {
          if (isUnstorableRow(error)) {
            // Retrying cannot help: the database refuses these values (a 4xx ends Telnyx's retries).
            request.log.warn({ err: error }, "webhook refused by the database");
            return reply.code(400).send({ error: { code: "INVALID_BODY", message: "The event holds values that cannot be stored." } });
          }
          request.log.error({ err: error }, "webhook inbox unavailable");
          return reply.code(503).header("retry-after", "5").send({ error: { code: "UNAVAILABLE", message: "Temporarily unable to store the event; retry." } });
        }
      });
    }
  });
}
