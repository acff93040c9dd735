/**
 * SMS/MMS. POST /messages has no idempotency key, so it is sent exactly once (maxRetries 0): when
 * Telnyx does not answer we cannot know whether the message left, and say so instead of retrying.
 * The message resource has the same shape as the messaging webhook payload, so the lenient webhook
 * schema maps it to the domain.
 */
import { AppError, isAppError } from "../errors/app-error";
import { messagePayload } from "../webhooks/message-event-schemas";
import { compact, type GatewayContext } from "./gateway-context";
import { mapTelnyxError } from "./map-telnyx-error";
import type { z } from "zod";

export type MessageInfo = z.output<typeof messagePayload>;

export interface SendMessageInput {
  to: string;
  /** +E.164 number, or omit to let the messaging profile's number pool choose. */
  from?: string;
  text?: string;
  mediaUrls?: string[];
  subject?: string;
  messagingProfileId?: string;
  webhookUrl?: string;
  webhookFailoverUrl?: string;
  useProfileWebhooks?: boolean;
}

export interface MessagingApi {
  sendMessage(input: SendMessageInput): Promise<MessageInfo>;
  retrieveMessage(id: string): Promise<MessageInfo>;
}

export const SMS_OUTCOME_UNKNOWN_MESSAGE =
  "Telnyx did not confirm the message in time — it may or may not have been sent. It was not resent; its status will be reconciled from Telnyx automatically.";

function toMessageInfo(data: unknown): MessageInfo {
  const parsed = messagePayload.safeParse(data);
  if (parsed.success) return parsed.data;
  const id = (data as { id?: unknown } | undefined)?.id;
  if (typeof id !== "string") throw new AppError("TELNYX_ERROR", "Telnyx answered without a message id.");
  // Keep the id even when the rest is unexpected: it is what reconciliation needs.
  return messagePayload.parse({ id, direction: "outbound" });
}

export function createMessagingApi(ctx: GatewayContext): MessagingApi {
  const { client, run, noRetry } = ctx;

  return {
    async sendMessage(input) {
      let response;
      try {
        response = await client.messages.send(
          compact({
            to: input.to,
            from: input.from,
            text: input.text,
            media_urls: input.mediaUrls,
            subject: input.subject,
            messaging_profile_id: input.messagingProfileId,
            webhook_url: input.webhookUrl,
            webhook_failover_url: input.webhookFailoverUrl,
            use_profile_webhooks: input.useProfileWebhooks,
          }),
          noRetry,
        );
      } catch (error) {
        const mapped = isAppError(error) ? error : mapTelnyxError(error, { apiKey: ctx.apiKey, resource: "message" });
        const isUndelivered = mapped.details?.connectionRefused === true;
        if (mapped.code === "TELNYX_UNAVAILABLE" && !isUndelivered) {
          throw new AppError("TELNYX_UNAVAILABLE", SMS_OUTCOME_UNKNOWN_MESSAGE, {
            cause: error,
            details: { ...mapped.details, outcome: "unknown" },
          });
        }
        throw mapped;
      }
      return toMessageInfo(response.data);
    },
    async retrieveMessage(id) {
      const response = await run("message", () => client.messages.retrieve(id));
      return toMessageInfo(response.data);
    },
  };
}
