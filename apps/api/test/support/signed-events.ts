/** Signed Telnyx webhooks for tests that talk to a spawned API (the sandbox's persisted key signs them). */
import { createPrivateKey, randomUUID, sign } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export function sandboxSigner(dataDir: string): (body: string) => Record<string, string> {
  const keys = JSON.parse(readFileSync(path.join(dataDir, "sandbox", "keys.json"), "utf8")) as { privateKey: string };
  const key = createPrivateKey(keys.privateKey);
  return (body) => {
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      "content-type": "application/json",
      "telnyx-signature-ed25519": sign(null, Buffer.from(`${timestamp}|${body}`), key).toString("base64"),
      "telnyx-timestamp": String(timestamp),
    };
  };
}

/** An inbound SMS to one of the demo organization's numbers, as Telnyx sends it. */
export function inboundSms(options: { messageId: string; from: string; to: string; text: string }): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    data: {
      event_type: "message.received",
      id: randomUUID(),
      occurred_at: now,
      record_type: "event",
      payload: {
        id: options.messageId,
        record_type: "message",
        direction: "inbound",
        type: "SMS",
        from: { phone_number: options.from, carrier: "T-Mobile USA", line_type: "Wireless" },
        to: [{ phone_number: options.to, status: "webhook_delivered", carrier: "Telnyx", line_type: "Wireless" }],
        text: options.text,
        media: [],
        encoding: "GSM-7",
        parts: 1,
        received_at: now,
        cost: null,
        errors: [],
      },
    },
    meta: { attempt: 1 },
  });
}

/** One Call Control webhook of an incoming call's lifecycle (call.initiated → call.answered → call.hangup). */
export function callEvent(options: {
  eventType: "call.initiated" | "call.answered" | "call.hangup";
  callControlId: string;
  from: string;
  to: string;
}): string {
  const now = new Date().toISOString();
  const byType = {
    "call.initiated": { direction: "incoming", state: "parked", start_time: now },
    "call.answered": { state: "answered", start_time: now },
    "call.hangup": {
      hangup_cause: "normal_clearing",
      hangup_source: "caller",
      sip_hangup_cause: "200",
      end_time: now,
      call_quality_stats: null,
    },
  }[options.eventType];
  return JSON.stringify({
    data: {
      record_type: "event",
      event_type: options.eventType,
      id: randomUUID(),
      occurred_at: now,
      payload: {
        call_control_id: options.callControlId,
        call_leg_id: `leg-${options.callControlId}`,
        call_session_id: `session-${options.callControlId}`,
        client_state: null,
        connection_id: "1234",
        from: options.from,
        to: options.to,
        ...byType,
      },
    },
    meta: { attempt: 1 },
  });
}
