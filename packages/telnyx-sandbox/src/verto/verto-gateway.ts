/**
 * The WebRTC gateway Telnyx runs (rtc.telnyx.com), emulated: `@telnyx/webrtc` clients log in with a telephony
 * credential's JWT over a WebSocket on the sandbox's own port, and their calls are Call Control legs of the sandbox
 * world. Media: each browser call has a real WebRTC peer on the sandbox side (RtcPeer) that plays a tone and counts
 * what it receives. Protocol facts: docs/telnyx-facts.md, "WebRTC gateway".
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { RtcPeer } from "../media/rtc-peer.js";
import type { World } from "../world.js";
import type { Leg } from "../world/call-types.js";
import type { LoginIdentity } from "../world/credentials.js";
import { type BrowserCall, linkPeers, telnyxIds, unlink } from "./browser-calls.js";
import { handleCallRequest } from "./call-requests.js";
import { type RpcRequest, VertoMethod } from "./rpc.js";
import { VertoSession } from "./verto-session.js";

const SIP_URI = /^sip:([^@;]+)@sip\.telnyx\.com$/i;

/** How long a dropped socket's calls wait for the client to reconnect and reattach (Telnyx's own delay: unknown). */
const REATTACH_GRACE_MS = 30_000;

export type RingOutcome = "ringing" | "unregistered" | "refused" | "not_a_client";

export class VertoGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<VertoSession>();
  private readonly registered = new Map<string, VertoSession>();
  private readonly calls = new Map<string, BrowserCall>();
  /** Calls of sockets that dropped, by their session's sessid, waiting for a reconnect. */
  private readonly detached = new Map<
    string,
    { credentialId: string | null; callIds: string[]; timer: ReturnType<typeof setTimeout> }
  >();
  reattachGraceMs = REATTACH_GRACE_MS;

  constructor(private readonly world: World) {}

  /** Serves the Verto WebSocket on the HTTP server's upgrade requests (the SDK's `host: "ws://127.0.0.1:<port>"`). */
  attach(server: Server): void {
    server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.wss.handleUpgrade(request, socket, head, (ws) => this.sessions.add(new VertoSession(ws, this)));
    });
  }

  /** World reset: calls are forgotten (their legs are gone); logged-in clients stay registered. */
  reset(): void {
    for (const call of this.calls.values()) void call.peer.close();
    this.calls.clear();
    for (const { timer } of this.detached.values()) clearTimeout(timer);
    this.detached.clear();
  }

  close(): void {
    this.reset();
    for (const session of this.sessions) session.close();
    this.sessions.clear();
    this.registered.clear();
    this.wss.close();
  }

  /** Registered clients, for tests and the control API: SIP user names. */
  get registeredUsers(): string[] {
    return [...this.registered.keys()];
  }

  /** What the gateway holds now, for the control API (`GET /sandbox/webrtc`): who is logged in, each call's media. */
  snapshot(): { registrations: Record<string, unknown>[]; calls: Record<string, unknown>[] } {
    return {
      registrations: [...this.registered.values()].map((session) => ({
        sip_username: session.sipUsername,
        credential_id: session.identity?.credential.id ?? null,
        sessid: session.sessid,
      })),
      calls: [...this.calls.values()].map((call) => ({
        call_control_id: call.ccid,
        call_id: call.callId,
        sip_username: call.session.sipUsername,
        origin: call.origin,
        held: call.isHeld,
        connected: call.peer.isConnected,
        bridged_media: call.peer.relay !== null,
        packets_sent: call.peer.stats.packetsSent,
        packets_received: call.peer.stats.packetsReceived,
        peak_level: call.peer.stats.peakLevel,
      })),
    };
  }

  /** The sandbox-side peer of a leg (tests read its packet counts). */
  peerOf(ccid: string): RtcPeer | undefined {
    return this.calls.get(ccid)?.peer;
  }

  /** How many packets the sandbox has heard on a browser leg (null: not a browser leg). */
  heardPacketCount(leg: Leg): number | null {
    return this.calls.get(leg.ccid)?.peer.received.length ?? null;
  }

  /** What the browser said on its leg since packet `from`, for the leg's recording. */
  heardSince(leg: Leg, from: number): Int16Array | null {
    return this.calls.get(leg.ccid)?.peer.heardSince(from) ?? null;
  }

  verifyToken(token: string): LoginIdentity | null {
    const identity = this.world.telephonyCredentials.verifyToken(token);
    if (!identity || !this.world.credentialConnections.has(identity.connectionId)) return null;
    return identity;
  }

  /** The latest login of a credential is the one Call Control rings. */
  register(session: VertoSession): void {
    if (session.sipUsername) this.registered.set(session.sipUsername, session);
  }

  /**
   * A deleted credential revokes its access: its browsers get telnyx_rtc.punt (the SDK drops its calls without a bye)
   * and their sockets close; their calls hang up now, with no reattach.
   */
  revoke(credentialId: string): void {
    for (const session of [...this.sessions]) {
      if (session.identity?.credential.id !== credentialId) continue;
      for (const call of [...this.calls.values()]) {
        if (call.session !== session) continue;
        const leg = this.world.calls.legs.get(call.ccid);
        this.forget(call);
        if (leg) this.world.calls.hangupByFarEnd(leg);
      }
      const user = session.sipUsername;
      if (user && this.registered.get(user) === session) this.registered.delete(user);
      session.request(VertoMethod.Punt, {});
      session.identity = null;
      session.close(true);
    }
  }

  /** A dropped socket's calls stay up for a while: the SDK reconnects, logs in with the same sessid and reattaches. */
  onSessionClosed(session: VertoSession): void {
    this.sessions.delete(session);
    if (session.sipUsername && this.registered.get(session.sipUsername) === session)
      this.registered.delete(session.sipUsername);
    const calls = [...this.calls.values()].filter((call) => call.session === session);
    if (calls.length === 0) return;
    const timer = setTimeout(() => this.dropDetached(session.sessid), this.reattachGraceMs);
    timer.unref();
    this.detached.set(session.sessid, {
      credentialId: session.identity?.credential.id ?? null,
      callIds: calls.map((call) => call.callId),
      timer,
    });
  }

  /** A login naming a detached sessid: the new socket takes the calls still alive; returns their callIDs. */
  reattach(session: VertoSession, sessid: string): string[] {
    const detached = this.detached.get(sessid);
    // Only the same credential takes the calls back: a sessid is not a secret.
    if (!detached || detached.credentialId !== session.identity?.credential.id) return [];
    clearTimeout(detached.timer);
    this.detached.delete(sessid);
    session.sessid = sessid;
    const calls = [...this.calls.values()].filter(
      (call) => detached.callIds.includes(call.callId) && call.session.sessid === sessid,
    );
    for (const call of calls) call.session = session;
    return calls.map((call) => call.callId);
  }

  /** After a reattach: each call gets a fresh peer and the browser a telnyx_rtc.attach offer (it renegotiates). */
  resumeMedia(session: VertoSession): void {
    for (const call of this.calls.values()) {
      const leg = this.world.calls.legs.get(call.ccid);
      // Only connected calls renegotiate; one still ringing or parked carries on with its first offer/answer.
      if (call.session !== session || leg?.state !== "answered") continue;
      const partner = call.peer.relay;
      unlink(call.peer);
      void call.peer.close();
      call.peer = new RtcPeer();
      if (partner) linkPeers(call.peer, partner);
      void call.peer.createOffer().then((sdp) =>
        session.request(VertoMethod.Attach, {
          callID: call.callId,
          sdp,
          caller_id_name: leg.from,
          caller_id_number: leg.from,
          callee_id_name: leg.to,
          callee_id_number: leg.to,
          ...telnyxIds(leg),
        }),
      );
    }
  }

  private dropDetached(sessid: string): void {
    const detached = this.detached.get(sessid);
    this.detached.delete(sessid);
    for (const call of [...this.calls.values()]) {
      if (!detached?.callIds.includes(call.callId) || call.session.sessid !== sessid) continue;
      const leg = this.world.calls.legs.get(call.ccid);
      this.forget(call);
      if (leg) this.world.calls.hangupByFarEnd(leg);
    }
  }

  /** Call Control dialed `to`: rings the registered browser of that SIP user, if `to` names one of our credentials. */
  ring(leg: Leg): RingOutcome {
    const user = SIP_URI.exec(leg.to)?.[1];
    const credential = [...this.world.telephonyCredentials.credentials.values()].find((c) => c.sip_username === user);
    if (!user || !credential) return "not_a_client";
    if (!this.acceptsSipUriCall(credential.resource_id.replace(/^connection:/, ""), leg.connectionId)) return "refused";
    const session = this.registered.get(user);
    if (!session) return "unregistered";
    const call: BrowserCall = {
      callId: randomUUID(),
      ccid: leg.ccid,
      session,
      origin: "network",
      peer: new RtcPeer(),
      answerSdp: null,
      isHeld: false,
    };
    this.calls.set(leg.ccid, call);
    void call.peer.createOffer().then((sdp) => {
      if (leg.state !== "ringing" || this.calls.get(leg.ccid) !== call) return;
      session.request(VertoMethod.Invite, {
        callID: call.callId,
        sdp,
        caller_id_name: leg.from,
        caller_id_number: leg.from,
        callee_id_name: user,
        callee_id_number: user,
        display_direction: "inbound",
        ...telnyxIds(leg),
      });
    });
    return "ringing";
  }

  /** Two browser legs bridged: each sandbox peer sends the other browser what it hears (instead of its tone). */
  onBridged(a: Leg, b: Leg): void {
    const peerA = this.calls.get(a.ccid)?.peer;
    const peerB = this.calls.get(b.ccid)?.peer;
    if (peerA && peerB) linkPeers(peerA, peerB);
  }

  /** The leg left its bridge (hang-up, queue, conference): its partner's peer goes back to its tone. */
  onUnbridged(leg: Leg): void {
    const peer = this.calls.get(leg.ccid)?.peer;
    if (peer) unlink(peer);
  }

  /** The credential connection's sip_uri_calling_preference: internal = only calls from the same account's connections. */
  private acceptsSipUriCall(credentialConnectionId: string, callerConnectionId: string): boolean {
    const connection = this.world.credentialConnections.get(credentialConnectionId);
    switch (connection?.sip_uri_calling_preference) {
      case "unrestricted":
        return true;
      case "internal":
        return this.world.ownerOf(credentialConnectionId).id === this.world.ownerOf(callerConnectionId).id;
      default:
        return false;
    }
  }

  /** Call Control answered a browser-placed leg: the browser gets our SDP answer. */
  onLegAnswered(leg: Leg): void {
    const call = this.calls.get(leg.ccid);
    if (call?.origin !== "browser" || !call.answerSdp) return;
    call.session.request(VertoMethod.Answer, { callID: call.callId, sdp: call.answerSdp, ...telnyxIds(leg) });
  }

  /** The leg ended on the network side (hangup command, bridge partner, timeout): the browser gets a bye. */
  onLegEnded(leg: Leg): void {
    const call = this.calls.get(leg.ccid);
    if (!call) return;
    this.forget(call);
    const cause = leg.hangup?.cause === "user_busy" ? "USER_BUSY" : "NORMAL_CLEARING";
    call.session.request(VertoMethod.Bye, {
      callID: call.callId,
      cause,
      causeCode: cause === "USER_BUSY" ? 17 : 16,
      sipCode: Number(leg.hangup?.sip ?? 200),
    });
  }

  /** `send_dtmf` on a leg that is a browser: the browser receives the digits as telnyx_rtc.info. */
  sendDtmf(leg: Leg, digits: string): void {
    const call = this.calls.get(leg.ccid);
    if (call) call.session.request(VertoMethod.Info, { callID: call.callId, dtmf: digits });
  }

  /** A call message from a logged-in browser (invite, answer, attach, bye, modify, info). */
  onCallRequest(session: VertoSession, req: RpcRequest): Promise<void> {
    return handleCallRequest(
      { world: this.world, calls: this.calls, forget: (call) => this.forget(call) },
      session,
      req,
    );
  }

  private forget(call: BrowserCall): void {
    this.calls.delete(call.ccid);
    unlink(call.peer);
    void call.peer.close();
  }
}
