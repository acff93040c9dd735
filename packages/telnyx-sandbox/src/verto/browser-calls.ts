import type { RtcPeer } from "../media/rtc-peer.js";
import type { Leg } from "../world/call-types.js";
import type { VertoSession } from "./verto-session.js";

/** A Call Control leg whose far end is a browser logged in to the gateway. */
export interface BrowserCall {
  /** The SDK's callID (the browser's id for the call). */
  callId: string;
  ccid: string;
  session: VertoSession;
  /** "browser" when the browser placed it (telnyx_rtc.invite from the client), "network" when Call Control dialed it. */
  origin: "browser" | "network";
  peer: RtcPeer;
  /** For a browser-placed call: our SDP answer, sent in telnyx_rtc.answer when Call Control answers the leg. */
  answerSdp: string | null;
  isHeld: boolean;
}

/** Bridged browser legs: each peer sends the other browser what it hears, instead of its tone. */
export function linkPeers(a: RtcPeer, b: RtcPeer): void {
  a.relay = b;
  b.relay = a;
  a.isRelayed = true;
  b.isRelayed = true;
}

/** The bridge ended or a peer is going away: both sides go back to their own tone. */
export function unlink(peer: RtcPeer): void {
  for (const side of [peer, peer.relay]) {
    if (!side) continue;
    side.relay = null;
    side.isRelayed = false;
  }
}

export function telnyxIds(leg: Leg): Record<string, unknown> {
  return {
    telnyx_call_control_id: leg.ccid,
    telnyx_session_id: leg.sessionId,
    telnyx_leg_id: leg.legId,
    ...(leg.clientState ? { client_state: leg.clientState } : {}),
  };
}
