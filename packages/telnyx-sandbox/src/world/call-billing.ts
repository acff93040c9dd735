import { formatMicros, perMinuteCost } from "../util/money.js";
import type { World } from "../world.js";
import type { Leg } from "./call-types.js";
import { countryOf } from "./countries.js";
import { CALL_CONTROL_PER_MINUTE, RECORDING_PER_MINUTE, voiceRate } from "./rates.js";

/** Per-second billing of an ended leg: charges the balance, stores a CDR and sends call.cost when enabled. */
export function billCall(world: World, leg: Leg, talkSecs: number): void {
  // Rounded to 100 ms first so scheduler overhead at timeScale 0 does not bill an extra second.
  const billed = Math.ceil(Math.round(talkSecs * 10) / 10);
  const remote = leg.direction === "outgoing" ? leg.to : leg.from;
  const iso = remote.startsWith("sip:") ? undefined : countryOf(remote);
  const parts: Array<{ call_part: string; billed_duration_secs: number; rate: string; micros: number }> = [];
  if (!remote.startsWith("sip:"))
    parts.push({
      call_part: "sip-trunking",
      billed_duration_secs: billed,
      rate: voiceRate(iso),
      micros: perMinuteCost(voiceRate(iso), billed),
    });
  parts.push({
    call_part: "call-control",
    billed_duration_secs: billed,
    rate: CALL_CONTROL_PER_MINUTE,
    micros: perMinuteCost(CALL_CONTROL_PER_MINUTE, billed),
  });
  const recordedSecs = Math.ceil(leg.recordedMs / 1000);
  if (recordedSecs > 0)
    parts.push({
      call_part: "call-recording",
      billed_duration_secs: recordedSecs,
      rate: RECORDING_PER_MINUTE,
      micros: perMinuteCost(RECORDING_PER_MINUTE, recordedSecs),
    });
  const totalMicros = parts.reduce((sum, p) => sum + Math.round(p.micros / 100) * 100, 0);
  world.charge(totalMicros);
  const endIso = leg.clock.iso();
  world.detailRecords.push({
    record_type: "call-control",
    id: world.rng.uuid(),
    call_control_id: leg.ccid,
    call_leg_id: leg.legId,
    call_session_id: leg.sessionId,
    connection_id: leg.connectionId,
    direction: leg.direction === "outgoing" ? "outbound" : "inbound",
    cli: leg.from,
    cld: leg.to,
    country_code: iso ?? null,
    started_at: new Date(leg.startedAt).toISOString(),
    answered_at: leg.answeredAt !== null ? new Date(leg.answeredAt).toISOString() : null,
    ended_at: endIso,
    call_sec: billed,
    billed_sec: billed,
    hangup_cause: leg.hangup?.cause ?? null,
    rate: voiceRate(iso),
    cost: formatMicros(totalMicros, 4),
    currency: "USD",
    created_at: new Date().toISOString(),
  });
  const app = world.apps.get(leg.connectionId);
  if (!app?.call_cost_in_webhooks) return;
  world.calls.emit(leg, "call.cost", {
    billed_duration_secs: billed,
    billing_group_id: null,
    calling_party_type: remote.startsWith("sip:") ? "sip" : "pstn",
    cost_parts: parts.map((p) => ({
      billed_duration_secs: p.billed_duration_secs,
      call_part: p.call_part,
      cost: formatMicros(p.micros, 4),
      currency: "USD",
      rate: p.rate,
    })),
    occurred_at: endIso,
    status: "success",
    total_cost: formatMicros(totalMicros, 4),
  });
}
