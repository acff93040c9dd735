import type { FastifyInstance } from "fastify";
import { ApiError, E164, invalidParam, notE164, notFound, optionalString, requireString } from "../http/errors.js";
import { bodyOf, optionalBoolean, optionalStringArray, paramOf } from "../http/helpers.js";
import type { World } from "../world.js";

export function registerMessageRoutes(app: FastifyInstance, world: World): void {
  app.post("/messages", async (request) => {
    const body = bodyOf(request);
    const rawTo = body["to"];
    const to = Array.isArray(rawTo) ? rawTo[0] : rawTo;
    if (to === undefined || to === null || to === "")
      throw new ApiError(422, "10004", "Missing required parameter", "The 'to' parameter is required.", "/to");
    if (typeof to !== "string" || !E164.test(to)) throw notE164("to", String(to));
    const from = requireString(body, "from");
    const text = optionalString(body, "text") ?? "";
    const mediaUrls = optionalStringArray(body, "media_urls") ?? [];
    if (text === "" && mediaUrls.length === 0)
      throw new ApiError(
        422,
        "10004",
        "Missing required parameter",
        "Either 'text' or 'media_urls' is required.",
        "/text",
      );
    if (text.length > 1600) throw invalidParam("text", "'text' must be at most 1600 characters.");
    if (!E164.test(from)) throw notE164("from", from);
    const owned = world.findNumber(from);
    if (!owned)
      throw new ApiError(422, "40305", "Invalid 'from' address", `'${from}' is not a number on this account.`, "/from");
    // Telnyx sends only from a number whose features include SMS: a French geographic number, say, is voice-only.
    if (!owned.features.includes("sms"))
      throw new ApiError(
        422,
        "40305",
        "Invalid 'from' address",
        `'${from}' is not enabled for messaging: this ${owned.phone_number_type} number supports ${owned.features.join(", ")} only.`,
        "/from",
      );
    const profileId = optionalString(body, "messaging_profile_id") ?? owned.messaging_profile_id;
    if (!profileId)
      throw new ApiError(
        422,
        "40013",
        "Invalid source number",
        `'${from}' is not associated with a messaging profile.`,
        "/from",
      );
    const profile = world.messagingProfiles.get(profileId);
    if (!profile)
      throw new ApiError(
        422,
        "10015",
        "Invalid messaging_profile_id",
        `Messaging profile '${profileId}' does not exist.`,
        "/messaging_profile_id",
      );
    if (!profile.enabled)
      throw new ApiError(
        422,
        "40312",
        "Messaging profile disabled",
        `Messaging profile '${profileId}' is disabled.`,
        "/messaging_profile_id",
      );
    const message = world.messaging.send({
      from,
      to,
      text,
      subject: optionalString(body, "subject") ?? null,
      mediaUrls,
      profileId,
      webhookUrl: optionalString(body, "webhook_url") ?? null,
      webhookFailoverUrl: optionalString(body, "webhook_failover_url") ?? null,
      useProfileWebhooks: optionalBoolean(body, "use_profile_webhooks") ?? true,
      tags: optionalStringArray(body, "tags") ?? [],
    });
    return { data: message };
  });

  app.get("/messages/:id", async (request) => {
    const id = paramOf(request, "id");
    const message = world.messaging.messages.get(id);
    if (!message) throw notFound("message", id);
    return { data: structuredClone(message) };
  });
}
