/**
 * The call messages a logged-in browser sends (telnyx_rtc.invite / answer / attach / bye / modify / info), applied
 * to the sandbox world's Call Control legs.
 */
import { RtcPeer } from "../media/rtc-peer.js";
import type { World } from "../world.js";
import type { BrowserCall } from "./browser-calls.js";
import { callIdOf, dialogOf, RpcError, type RpcRequest, VertoMethod } from "./rpc.js";
import type { VertoSession } from "./verto-session.js";

export interface CallContext {
  world: World;
  calls: Map<string, BrowserCall>;
  forget(call: BrowserCall): void;
}

export async function handleCallRequest(ctx: CallContext, session: VertoSession, req: RpcRequest): Promise<void> {
  const callId = callIdOf(req.params);
  if (!callId) return session.fail(req.id, RpcError.InvalidParams);
  if (req.method === VertoMethod.Invite) return placeCall(ctx, session, req, callId);
  const call = [...ctx.calls.values()].find((c) => c.callId === callId && c.session === session);
  const leg = call ? ctx.world.calls.legs.get(call.ccid) : undefined;
  if (!call || !leg) return session.fail(req.id, RpcError.CallDoesNotExist);
  const ok = () => session.reply(req.id, { callID: callId, method: req.method, sessid: session.sessid });
  switch (req.method) {
    case VertoMethod.Attach: {
      const sdp = req.params["sdp"];
      if (typeof sdp !== "string") return session.fail(req.id, RpcError.InvalidParams);
      await call.peer.acceptAnswer(sdp);
      return ok();
    }
    case VertoMethod.Answer: {
      const sdp = req.params["sdp"];
      if (call.origin !== "network" || typeof sdp !== "string") return session.fail(req.id, RpcError.InvalidParams);
      await call.peer.acceptAnswer(sdp);
      ok();
      ctx.world.calls.answerByFarEnd(leg);
      return;
    }
    case VertoMethod.Bye: {
      ctx.forget(call);
      ok();
      const busy = req.params["cause"] === "USER_BUSY" || req.params["causeCode"] === 17;
      if (call.origin === "network" && leg.state === "ringing")
        ctx.world.calls.end(leg, busy ? "user_busy" : "call_rejected", "callee", busy ? "486" : "603");
      else ctx.world.calls.hangupByFarEnd(leg);
      return;
    }
    case VertoMethod.Modify:
      return modify(session, req, call);
    case VertoMethod.Info: {
      const dtmf = req.params["dtmf"];
      if (typeof dtmf !== "string" || !/^[0-9A-D*#]+$/.test(dtmf)) return session.fail(req.id, RpcError.InvalidParams);
      if (leg.state !== "answered") return session.fail(req.id, RpcError.InvalidParams);
      ctx.world.calls.media.receiveDtmf(leg, dtmf);
      return ok();
    }
  }
}

function modify(session: VertoSession, req: RpcRequest, call: BrowserCall): void {
  const action = req.params["action"];
  if (action === "hold") call.isHeld = true;
  else if (action === "unhold") call.isHeld = false;
  else if (action === "toggleHold") call.isHeld = !call.isHeld;
  else {
    session.fail(req.id, RpcError.InvalidParams);
    return;
  }
  // Held: the network side stops sending (Telnyx would play hold music; silence is enough here).
  call.peer.isSending = !call.isHeld;
  session.reply(req.id, {
    callID: call.callId,
    action,
    holdState: call.isHeld ? "held" : "active",
    sessid: session.sessid,
  });
}

/** telnyx_rtc.invite from the browser: a new incoming leg on its credential connection, parked for Call Control. */
async function placeCall(ctx: CallContext, session: VertoSession, req: RpcRequest, callId: string): Promise<void> {
  const identity = session.identity;
  const dialog = dialogOf(req.params);
  const sdp = req.params["sdp"];
  const to = dialog["destination_number"];
  if (!identity || typeof sdp !== "string" || typeof to !== "string" || to === "")
    return session.fail(req.id, RpcError.InvalidParams);
  const peer = new RtcPeer();
  const answerSdp = await peer.answer(sdp);
  const callerNumber = dialog["caller_id_number"];
  const from =
    typeof callerNumber === "string" && callerNumber !== ""
      ? callerNumber
      : `sip:${identity.credential.sip_username}@sip.telnyx.com`;
  const clientState = typeof dialog["clientState"] === "string" ? dialog["clientState"] : undefined;
  const leg = ctx.world.calls.inbound(from, to, identity.connectionId, clientState);
  ctx.calls.set(leg.ccid, {
    callId,
    ccid: leg.ccid,
    session,
    origin: "browser",
    peer,
    answerSdp,
    isHeld: false,
  });
  session.reply(req.id, { message: "CALL CREATED", callID: callId, sessid: session.sessid });
}
