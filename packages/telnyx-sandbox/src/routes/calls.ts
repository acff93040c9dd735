import type { FastifyInstance } from "fastify";
import { ApiError, E164, invalidParam, missingParam, notE164, optionalString, requireString } from "../http/errors.js";
import { bodyOf, optionalBoolean, optionalNumber, paramOf, positiveInteger } from "../http/helpers.js";
import type { World } from "../world.js";
import type { Leg } from "../world/call-types.js";

const OK = { data: { result: "ok" } };

export function registerCallRoutes(app: FastifyInstance, world: World): void {
  app.post("/calls", async (request) => {
    const body = bodyOf(request);
    const commandId = optionalString(body, "command_id");
    const previous = commandId ? world.calls.findDialCommand(commandId) : undefined;
    if (previous) return { data: dialResponse(previous) };
    const connectionId = requireString(body, "connection_id");
    if (!world.apps.has(connectionId) && !world.credentialConnections.has(connectionId)) {
      throw new ApiError(
        422,
        "10015",
        "Invalid connection_id",
        `Connection '${connectionId}' does not exist.`,
        "/connection_id",
      );
    }
    const from = requireString(body, "from");
    if (!E164.test(from) && !from.startsWith("sip:")) throw notE164("from", from);
    const to = requireString(body, "to");
    if (!E164.test(to) && !to.startsWith("sip:")) throw notE164("to", to);
    const timeoutSecs = optionalNumber(body, "timeout_secs");
    if (timeoutSecs !== undefined && (timeoutSecs < 5 || timeoutSecs > 600))
      throw invalidParam("timeout_secs", "'timeout_secs' must be between 5 and 600.");
    const timeLimitSecs = optionalNumber(body, "time_limit_secs");
    if (timeLimitSecs !== undefined && (timeLimitSecs < 30 || timeLimitSecs > 14_400))
      throw invalidParam("time_limit_secs", "'time_limit_secs' must be between 30 and 14400.");
    const record = optionalString(body, "record");
    if (record !== undefined && record !== "record-from-answer")
      throw invalidParam("record", "'record' must be 'record-from-answer'.");
    const leg = world.calls.dial(
      {
        connectionId,
        from,
        to,
        clientState: optionalString(body, "client_state"),
        timeoutSecs,
        timeLimitSecs,
        amd: optionalString(body, "answering_machine_detection"),
        record: record
          ? {
              channels: body["record_channels"] === "dual" ? "dual" : "single",
              format: body["record_format"] === "mp3" ? "mp3" : "wav",
            }
          : undefined,
        webhookUrl: optionalString(body, "webhook_url"),
        linkTo: optionalString(body, "link_to"),
        bridgeOnAnswer: optionalBoolean(body, "bridge_on_answer"),
      },
      commandId,
    );
    return { data: dialResponse(leg) };
  });

  app.get("/calls/:ccid", async (request) => {
    const leg = world.calls.require(paramOf(request, "ccid"), false);
    // The leg's own (simulated) clock stopped moving when it ended: read it back at that instant.
    const endMs = leg.endedAt !== null ? leg.clock.nowMs() - (Date.now() - leg.endedAt) : leg.clock.nowMs();
    return {
      data: {
        ...dialResponse(leg),
        is_alive: leg.state !== "ended",
        call_duration: leg.answeredAt !== null ? Math.max(0, Math.round((endMs - leg.answeredAt) / 1000)) : 0,
        start_time: new Date(leg.startedAt).toISOString(),
        ...(leg.state === "ended" ? { end_time: new Date(endMs).toISOString() } : {}),
      },
    };
  });

  app.post("/calls/:ccid/actions/:action", async (request) => {
    const leg = world.calls.require(paramOf(request, "ccid"));
    const body = bodyOf(request);
    const commandId = optionalString(body, "command_id");
    if (commandId && leg.commandIds.has(commandId)) return OK;
    const clientState = optionalString(body, "client_state");
    const action = paramOf(request, "action");
    const run = ACTIONS[action];
    if (!run) throw new ApiError(404, "10005", "Resource not found", `Unknown call action '${action}'.`);
    const previousState = leg.clientState;
    if (clientState !== undefined) leg.clientState = clientState;
    try {
      run(world, leg, body);
    } catch (error) {
      leg.clientState = previousState;
      throw error;
    }
    if (commandId) leg.commandIds.add(commandId);
    return OK;
  });
}

function dialResponse(leg: Leg): Record<string, unknown> {
  return {
    call_control_id: leg.ccid,
    call_leg_id: leg.legId,
    call_session_id: leg.sessionId,
    client_state: leg.clientState ?? undefined,
    is_alive: false,
    record_type: "call",
  };
}

type Action = (world: World, leg: Leg, body: Record<string, unknown>) => void;

const ACTIONS: Record<string, Action> = {
  answer: (world, leg, body) => {
    const url = optionalString(body, "webhook_url");
    if (url) leg.target = { ...leg.target, url };
    world.calls.answer(leg);
  },
  reject: (world, leg, body) => {
    const cause = requireString(body, "cause");
    if (cause !== "CALL_REJECTED" && cause !== "USER_BUSY")
      throw invalidParam("cause", "'cause' must be CALL_REJECTED or USER_BUSY.");
    world.calls.reject(leg, cause);
  },
  hangup: (world, leg) => world.calls.hangupByApp(leg),
  bridge: (world, leg, body) => {
    const queue = optionalString(body, "queue");
    // The SDK always sends `call_control_id` (its required call_control_id_to_bridge_with): empty counts as absent.
    const other = optionalString(body, "call_control_id") || undefined;
    if (queue !== undefined && other !== undefined)
      throw invalidParam("queue", "'queue' can't be used together with 'call_control_id'.");
    if (queue !== undefined) world.queues.bridgeWithHead(leg, queue);
    else world.calls.bridge(leg, world.calls.require(requireString(body, "call_control_id")));
  },
  enqueue: (world, leg, body) => {
    const name = requireString(body, "queue_name");
    if (name.length > 255) throw invalidParam("queue_name", "'queue_name' must be at most 255 characters.");
    world.queues.enqueue(leg, name, {
      maxSize: positiveInteger(body, "max_size"),
      maxWaitTimeSecs: positiveInteger(body, "max_wait_time_secs"),
      keepAfterHangup: optionalBoolean(body, "keep_after_hangup"),
    });
  },
  leave_queue: (world, leg) => world.queues.leave(leg),
  transfer: (world, leg, body) => {
    const to = requireString(body, "to");
    if (!E164.test(to) && !to.startsWith("sip:")) throw notE164("to", to);
    world.calls.transfer(
      leg,
      to,
      optionalString(body, "from"),
      optionalString(body, "webhook_url"),
      optionalNumber(body, "timeout_secs"),
    );
  },
  speak: (world, leg, body) => {
    const payload = requireString(body, "payload");
    if (body["voice"] === undefined) throw missingParam("voice");
    world.calls.media.speak(leg, payload);
  },
  playback_start: (world, leg, body) => {
    const audioUrl = optionalString(body, "audio_url");
    const mediaName = optionalString(body, "media_name");
    if (!audioUrl && !mediaName && body["playback_content"] === undefined) throw missingParam("audio_url");
    world.calls.media.startPlayback(leg, audioUrl, mediaName);
  },
  playback_stop: (world, leg) => world.calls.media.stopPlayback(leg),
  record_start: (world, leg, body) => {
    const channels = requireString(body, "channels");
    const format = requireString(body, "format");
    if (channels !== "single" && channels !== "dual")
      throw invalidParam("channels", "'channels' must be 'single' or 'dual'.");
    if (format !== "wav" && format !== "mp3") throw invalidParam("format", "'format' must be 'wav' or 'mp3'.");
    const maxLength = optionalNumber(body, "max_length");
    if (maxLength !== undefined && (!Number.isInteger(maxLength) || maxLength < 0 || maxLength > 14_400))
      throw invalidParam("max_length", "'max_length' must be an integer between 0 and 14400.");
    if (body["play_beep"] !== undefined && typeof body["play_beep"] !== "boolean")
      throw invalidParam("play_beep", "'play_beep' must be a boolean.");
    world.calls.media.startRecording(leg, channels, format, maxLength ?? 0);
  },
  record_stop: (world, leg) => world.calls.media.stopRecording(leg),
  record_pause: (world, leg) => world.calls.media.pauseRecording(leg),
  record_resume: (world, leg) => world.calls.media.resumeRecording(leg),
  send_dtmf: (world, leg, body) => {
    const digits = requireString(body, "digits");
    if (!/^[0-9A-D*#wW]+$/.test(digits))
      throw invalidParam("digits", "'digits' may only contain 0-9, A-D, *, #, w and W.");
    if (leg.state !== "answered")
      throw new ApiError(422, "90019", "Invalid call state", "The call must be answered to send DTMF.");
    world.verto.sendDtmf(leg, digits);
  },
  gather: (world, leg, body) => world.calls.media.gather(leg, gatherOptions(body)),
  gather_using_speak: (world, leg, body) => {
    const payload = requireString(body, "payload");
    if (body["voice"] === undefined) throw missingParam("voice");
    world.calls.media.speak(leg, payload);
    world.calls.media.gather(leg, gatherOptions(body));
  },
  gather_stop: (world, leg) => world.calls.media.stopGather(leg),
  client_state_update: (_world, leg, body) => {
    leg.clientState = requireString(body, "client_state");
  },
};

function gatherOptions(body: Record<string, unknown>): {
  maxDigits?: number | undefined;
  terminatingDigit?: string | undefined;
  timeoutMillis?: number | undefined;
  validDigits?: string | undefined;
} {
  return {
    maxDigits: optionalNumber(body, "maximum_digits") ?? optionalNumber(body, "max_digits"),
    terminatingDigit: optionalString(body, "terminating_digit"),
    timeoutMillis: optionalNumber(body, "timeout_millis"),
    validDigits: optionalString(body, "valid_digits"),
  };
}
