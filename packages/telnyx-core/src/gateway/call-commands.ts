/**
 * Call Control: dial and the per-leg commands (answer, reject, hangup, transfer, bridge, record, speak).
 * Every request carries a command_id (generated unless given) so SDK retries are deduplicated by Telnyx.
 * There is no mute/hold on a single call — see conference-commands.ts.
 */
import { AppError, isAppError } from "../errors/app-error";
import { compact, encodeClientState, newCommandId, type GatewayContext } from "./gateway-context";

const CALL_ALREADY_ENDED = "90018";
/** Telnyx answers 422 + 90015 for a call_control_id it does not know: never issued, or ended more than ~10 min ago. */
const UNKNOWN_CALL_CONTROL_ID = "90015";

function hasTelnyxCode(error: unknown, code: string): boolean {
  const codes = isAppError(error) ? error.details?.telnyxCodes : undefined;
  return Array.isArray(codes) && codes.includes(code);
}

function isUnknownCall(error: unknown): boolean {
  return hasTelnyxCode(error, UNKNOWN_CALL_CONTROL_ID) || (isAppError(error) && error.code === "TELNYX_NOT_FOUND");
}

/** Telnyx's view of one leg (GET /calls/{call_control_id}). */
export interface CallLiveStatus {
  isAlive: boolean;
  /** Present once the leg ended. */
  endTime: Date | null;
  durationSecs: number | null;
}

export interface CommandOptions {
  /** Plain text; base64-encoded for Telnyx and echoed (encoded) on later webhooks of the leg. */
  clientState?: string;
  /** Reuse to make a retry of the same intent idempotent (Telnyx dedups for 60 s). */
  commandId?: string;
}

export interface DialInput extends CommandOptions {
  /** Call Control Application id. */
  connectionId: string;
  from: string;
  /** +E.164 number or SIP URI. */
  to: string;
  timeoutSecs?: number;
  timeLimitSecs?: number;
  answeringMachineDetection?: "detect" | "detect_beep" | "detect_words" | "greeting_end" | "premium" | "disabled";
  /** Record from answer. */
  record?: { channels?: "single" | "dual"; format?: "mp3" | "wav" };
  webhookUrl?: string;
  /** call_control_id of a leg to share the call session with. */
  linkTo?: string;
  bridgeOnAnswer?: boolean;
  fromDisplayName?: string;
  customHeaders?: Array<{ name: string; value: string }>;
}

export interface DialResult {
  callControlId: string;
  callLegId: string;
  callSessionId: string;
  /** The command_id sent; pass it again to retry this dial without a second call. */
  commandId: string;
  recordingId?: string;
}

export interface TransferInput extends CommandOptions {
  to: string;
  from?: string;
  timeoutSecs?: number;
  webhookUrl?: string;
}

export interface StartRecordingInput extends CommandOptions {
  channels?: "single" | "dual";
  format?: "mp3" | "wav";
  playBeep?: boolean;
  maxLengthSecs?: number;
}

export interface SpeakInput extends CommandOptions {
  text: string;
  /** Telnyx voice, e.g. "female", "male" or "Telnyx.KokoroTTS.af"; default "female". */
  voice?: string;
  language?: "en-US" | "en-GB" | "fr-FR" | "es-ES" | "de-DE";
  payloadType?: "text" | "ssml";
}

export interface CallCommands {
  dial(input: DialInput): Promise<DialResult>;
  answer(callControlId: string, options?: CommandOptions & { webhookUrl?: string }): Promise<void>;
  reject(callControlId: string, options?: CommandOptions & { cause?: "CALL_REJECTED" | "USER_BUSY" }): Promise<void>;
  /** Resolves also when the call had already ended (or is so old that Telnyx forgot it). */
  hangup(callControlId: string, options?: CommandOptions): Promise<void>;
  /** The leg's status at Telnyx; null when Telnyx no longer knows the leg (see UNKNOWN_CALL_CONTROL_ID). */
  retrieveCallStatus(callControlId: string): Promise<CallLiveStatus | null>;
  transfer(callControlId: string, input: TransferInput): Promise<void>;
  bridge(callControlId: string, input: CommandOptions & { otherCallControlId: string }): Promise<void>;
  startRecording(callControlId: string, input?: StartRecordingInput): Promise<void>;
  stopRecording(callControlId: string, options?: CommandOptions & { recordingId?: string }): Promise<void>;
  speak(callControlId: string, input: SpeakInput): Promise<void>;
  /** Puts an answered call in a Telnyx queue (created on first use); Telnyx plays hold music and enforces max wait. */
  enqueue(callControlId: string, input: EnqueueInput): Promise<void>;
  leaveQueue(callControlId: string, options?: CommandOptions): Promise<void>;
  /** Says `text`, then collects keys (one call.gather.ended per command with maximumTries 1). */
  gatherUsingSpeak(callControlId: string, input: GatherUsingSpeakInput): Promise<void>;
}

export interface GatherUsingSpeakInput extends SpeakInput {
  /** Keys that count, e.g. "123#". */
  validDigits?: string;
  minimumDigits?: number;
  maximumDigits?: number;
  /** Telnyx repeats the prompt itself up to this many times; 1 = once (we repeat it ourselves). */
  maximumTries?: number;
  /** How long Telnyx waits for the first key once the prompt ended. */
  timeoutMillis?: number;
}

export interface EnqueueInput extends CommandOptions {
  queueName: string;
  maxWaitTimeSecs?: number;
  maxSize?: number;
}

/** What speak and gather_using_speak both say: the command's fields and the text-to-speech ones. */
function speechFields(input: SpeakInput) {
  return {
    ...commandFields(input),
    payload: input.text,
    voice: input.voice ?? "female",
    language: input.language,
    payload_type: input.payloadType,
  };
}

function commandFields(options: CommandOptions = {}) {
  return { client_state: encodeClientState(options.clientState), command_id: options.commandId ?? newCommandId() };
}

export function createCallCommands(ctx: GatewayContext): CallCommands {
  const { client, run } = ctx;
  const call = "call";

  return {
    async dial(input) {
      const commandId = input.commandId ?? newCommandId();
      // Retried (SDK policy) with the same command_id: Telnyx returns the first call, no second dial.
      const response = await run(call, () =>
        client.calls.dial(
          compact({
            connection_id: input.connectionId,
            from: input.from,
            to: input.to,
            client_state: encodeClientState(input.clientState),
            command_id: commandId,
            timeout_secs: input.timeoutSecs,
            time_limit_secs: input.timeLimitSecs,
            answering_machine_detection: input.answeringMachineDetection,
            record: input.record ? ("record-from-answer" as const) : undefined,
            record_channels: input.record?.channels,
            record_format: input.record?.format,
            webhook_url: input.webhookUrl,
            link_to: input.linkTo,
            bridge_on_answer: input.bridgeOnAnswer,
            from_display_name: input.fromDisplayName,
            custom_headers: input.customHeaders,
          }),
        ),
      );
      const data = response.data;
      if (!data) throw new AppError("TELNYX_ERROR", "Telnyx answered the dial without call ids");
      return {
        callControlId: data.call_control_id,
        callLegId: data.call_leg_id,
        callSessionId: data.call_session_id,
        commandId,
        recordingId: data.recording_id,
      };
    },
    async answer(callControlId, options = {}) {
      await run(call, () =>
        client.calls.actions.answer(
          callControlId,
          compact({ ...commandFields(options), webhook_url: options.webhookUrl }),
        ),
      );
    },
    async reject(callControlId, options = {}) {
      await run(call, () =>
        client.calls.actions.reject(
          callControlId,
          compact({ ...commandFields(options), cause: options.cause ?? "CALL_REJECTED" }),
        ),
      );
    },
    async hangup(callControlId, options) {
      try {
        await run(call, () => client.calls.actions.hangup(callControlId, compact(commandFields(options))));
      } catch (error) {
        // The goal (call over) is already met: Telnyx 90018 "Call has already ended", or 90015 (long gone).
        if (!hasTelnyxCode(error, CALL_ALREADY_ENDED) && !isUnknownCall(error)) throw error;
      }
    },
    async retrieveCallStatus(callControlId) {
      try {
        const response = await run(call, () => client.calls.retrieveStatus(callControlId));
        const data = response.data;
        if (!data) throw new AppError("TELNYX_ERROR", "Telnyx answered the call status without data");
        return {
          isAlive: data.is_alive,
          endTime: data.end_time ? new Date(data.end_time) : null,
          durationSecs: data.call_duration ?? null,
        };
      } catch (error) {
        if (isUnknownCall(error)) return null;
        throw error;
      }
    },
    async transfer(callControlId, input) {
      await run(call, () =>
        client.calls.actions.transfer(
          callControlId,
          compact({
            ...commandFields(input),
            to: input.to,
            from: input.from,
            timeout_secs: input.timeoutSecs,
            webhook_url: input.webhookUrl,
          }),
        ),
      );
    },
    async bridge(callControlId, input) {
      await run(call, () =>
        client.calls.actions.bridge(
          callControlId,
          compact({ ...commandFields(input), call_control_id_to_bridge_with: input.otherCallControlId }),
        ),
      );
    },
    async startRecording(callControlId, input = {}) {
      await run(call, () =>
        client.calls.actions.startRecording(
          callControlId,
          compact({
            ...commandFields(input),
            channels: input.channels ?? "dual",
            format: input.format ?? "mp3",
            play_beep: input.playBeep,
            max_length: input.maxLengthSecs,
          }),
        ),
      );
    },
    async stopRecording(callControlId, options = {}) {
      await run(call, () =>
        client.calls.actions.stopRecording(
          callControlId,
          compact({ ...commandFields(options), recording_id: options.recordingId }),
        ),
      );
    },
    async enqueue(callControlId, input) {
      await run(call, () =>
        client.calls.actions.enqueue(
          callControlId,
          compact({
            ...commandFields(input),
            queue_name: input.queueName,
            max_wait_time_secs: input.maxWaitTimeSecs,
            max_size: input.maxSize,
          }),
        ),
      );
    },
    async leaveQueue(callControlId, options = {}) {
      await run(call, () => client.calls.actions.leaveQueue(callControlId, compact(commandFields(options))));
    },
    async gatherUsingSpeak(callControlId, input) {
      await run(call, () =>
        client.calls.actions.gatherUsingSpeak(
          callControlId,
          compact({
            ...speechFields(input),
            valid_digits: input.validDigits,
            minimum_digits: input.minimumDigits,
            maximum_digits: input.maximumDigits,
            maximum_tries: input.maximumTries,
            timeout_millis: input.timeoutMillis,
          }),
        ),
      );
    },
    async speak(callControlId, input) {
      await run(call, () =>
        client.calls.actions.speak(
          callControlId,
          compact({
            ...speechFields(input),
          }),
        ),
      );
    },
  };
}
