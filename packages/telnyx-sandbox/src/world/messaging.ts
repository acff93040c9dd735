import { formatMicros, parseMicros } from "../util/money.js";
import { VirtualClock } from "../util/clock.js";
import type { WebhookTarget } from "../webhooks/dispatcher.js";
import type { World } from "../world.js";
import { countryOf } from "./countries.js";
import { segment } from "./encoding.js";
import { messageOutcomeFor } from "./magic.js";
import { mmsRate, smsRate } from "./rates.js";

export interface SendParams {
  from: string;
  to: string;
  text: string;
  subject: string | null;
  mediaUrls: string[];
  profileId: string | null;
  webhookUrl: string | null;
  webhookFailoverUrl: string | null;
  useProfileWebhooks: boolean;
  tags: string[];
}

export type MessageRecord = Record<string, unknown> & { id: string; to: Array<Record<string, unknown>> };

const SENT_DELAY_MS = 300;

/** Outbound SMS/MMS (queued → sent → finalized) and inbound messages (message.received). */
export class MessagingEngine {
  readonly messages = new Map<string, MessageRecord>();

  constructor(private readonly world: World) {}

  reset(): void {
    this.messages.clear();
  }

  send(params: SendParams): MessageRecord {
    const clock = new VirtualClock();
    const isMms = params.mediaUrls.length > 0;
    const seg = segment(params.text);
    const destIso = countryOf(params.to);
    const pricing = isMms ? mmsRate(destIso) : smsRate(destIso);
    const parts = isMms ? 1 : seg.parts;
    const rateMicros = parseMicros(pricing.rate) * parts;
    const feeMicros = parseMicros(pricing.carrierFee) * parts;
    const now = clock.iso();
    const message: MessageRecord = {
      record_type: "message",
      id: this.world.rng.uuid(),
      direction: "outbound",
      type: isMms ? "MMS" : "SMS",
      messaging_profile_id: params.profileId,
      organization_id: "sandbox-organization",
      from: { phone_number: params.from, carrier: "Telnyx", line_type: "Wireless" },
      to: [{ phone_number: params.to, status: "queued", carrier: carrierFor(destIso), line_type: "Wireless" }],
      cc: [],
      text: params.text,
      subject: params.subject,
      media: params.mediaUrls.map((url) => ({ url, content_type: contentTypeOf(url), sha256: null, size: null })),
      encoding: seg.encoding,
      parts,
      num_chars: seg.numChars,
      tags: params.tags,
      cost: null,
      cost_breakdown: null,
      errors: [],
      received_at: now,
      sent_at: null,
      completed_at: null,
      valid_until: new Date(clock.nowMs() + 3600_000).toISOString(),
      webhook_url: params.webhookUrl,
      webhook_failover_url: params.webhookFailoverUrl,
      tcr_campaign_billable: false,
      tcr_campaign_id: null,
      tcr_campaign_registered: null,
    };
    this.messages.set(message.id, message);
    const target: WebhookTarget = params.webhookUrl
      ? { url: params.webhookUrl, failoverUrl: params.webhookFailoverUrl }
      : params.useProfileWebhooks
        ? this.world.messagingTarget(params.profileId)
        : { url: null };
    const recipient = message.to[0] as Record<string, unknown>;
    const outcome = messageOutcomeFor(params.to);
    const emit = (type: string): void =>
      this.world.emit(message.id, type, structuredClone(message), target, clock.iso());
    const finalize = (status: string, errors: unknown[]): void => {
      recipient["status"] = status;
      message["errors"] = errors;
      message["completed_at"] = clock.iso();
      if (status !== "sending_failed") {
        message["cost"] = { amount: formatMicros(rateMicros + feeMicros, 4), currency: "USD" };
        message["cost_breakdown"] = {
          carrier_fee: { amount: formatMicros(feeMicros, 5), currency: "USD" },
          rate: { amount: formatMicros(rateMicros, 5), currency: "USD" },
        };
        this.world.charge(rateMicros + feeMicros);
      }
      this.recordDetail(message, status, destIso);
      emit("message.finalized");
    };
    clock.after(this.world.scheduler, SENT_DELAY_MS, () => {
      if (outcome.kind === "sending_failed")
        return finalize("sending_failed", [{ code: outcome.code, title: outcome.title, detail: outcome.detail }]);
      recipient["status"] = "sent";
      message["sent_at"] = clock.iso();
      emit("message.sent");
      const finalizeMs = outcome.kind === "delivered" ? outcome.finalizeMs : 1000;
      clock.after(this.world.scheduler, finalizeMs, () => {
        if (outcome.kind === "delivered") finalize("delivered", []);
        else finalize("delivery_failed", [{ code: outcome.code, title: outcome.title, detail: outcome.detail }]);
      });
    });
    return structuredClone(message);
  }

  /** A text or picture message from the outside world to one of our numbers. */
  receive(params: {
    from: string;
    to: string;
    text: string;
    mediaUrls: string[];
    profileId: string | null;
  }): MessageRecord {
    const now = new Date().toISOString();
    const seg = segment(params.text);
    const target = this.world.messagingTarget(params.profileId);
    const message: MessageRecord = {
      record_type: "message",
      id: this.world.rng.uuid(),
      direction: "inbound",
      type: params.mediaUrls.length > 0 ? "MMS" : "SMS",
      messaging_profile_id: params.profileId,
      organization_id: "sandbox-organization",
      from: { phone_number: params.from, carrier: carrierFor(countryOf(params.from)), line_type: "Wireless" },
      to: [{ phone_number: params.to, status: "webhook_delivered", carrier: "Telnyx", line_type: "Wireless" }],
      cc: [],
      text: params.text,
      subject: null,
      media: params.mediaUrls.map((url) => ({ url, content_type: contentTypeOf(url), sha256: null, size: null })),
      encoding: seg.encoding,
      parts: params.mediaUrls.length > 0 ? 1 : seg.parts,
      num_chars: seg.numChars,
      tags: [],
      cost: { amount: "0.0000", currency: "USD" },
      cost_breakdown: null,
      errors: [],
      received_at: now,
      sent_at: null,
      completed_at: null,
      valid_until: null,
      webhook_url: target.url ?? null,
      webhook_failover_url: target.failoverUrl ?? null,
    };
    this.messages.set(message.id, message);
    this.recordDetail(message, "received", countryOf(params.from));
    this.world.emit(message.id, "message.received", structuredClone(message), target, now);
    return structuredClone(message);
  }

  private recordDetail(message: MessageRecord, status: string, iso: string | undefined): void {
    const cost = message["cost"] as { amount?: string } | null;
    const from = message["from"] as { phone_number: string };
    const to = message.to[0] as { phone_number: string };
    this.world.detailRecords.push({
      record_type: "messaging",
      uuid: message.id,
      id: message.id,
      direction: message["direction"] as string,
      message_type: message["type"] as string,
      cli: from.phone_number,
      cld: to.phone_number,
      country_code: iso ?? null,
      parts: message["parts"] as number,
      status: status === "delivery_failed" || status === "sending_failed" ? "failed" : status,
      cost: cost?.amount ?? "0.0000",
      currency: "USD",
      profile_id: message["messaging_profile_id"] as string | null,
      sent_at: (message["sent_at"] as string | null) ?? undefined,
      completed_at: (message["completed_at"] as string | null) ?? undefined,
      created_at: message["received_at"] as string,
      errors: (message["errors"] as Array<{ code: string }>).map((e) => e.code),
    });
  }
}

function carrierFor(iso: string | undefined): string {
  if (iso === "US" || iso === "CA") return "T-MOBILE USA, INC.";
  if (iso === "FR") return "Orange France";
  if (iso === "GB") return "EE Limited";
  return "Sandbox Mobile";
}

function contentTypeOf(url: string): string | null {
  const ext = url.split("?")[0]?.split(".").pop()?.toLowerCase();
  const types: Record<string, string> = {
    png: "image/png",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    gif: "image/gif",
    mp4: "video/mp4",
    pdf: "application/pdf",
    vcf: "text/vcard",
    mp3: "audio/mpeg",
  };
  return ext ? (types[ext] ?? null) : null;
}
