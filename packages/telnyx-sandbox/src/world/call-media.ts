import { badState } from "../http/errors.js";
import type { World } from "../world.js";
import type { CallEngine } from "./calls.js";
import type { Leg } from "./call-types.js";
import type { Recording } from "./types.js";
import { callerBehaviourFor } from "./magic.js";

/** In-call media: speak, playback, gather/DTMF, answering machine detection and recording. */
export class CallMedia {
  constructor(
    private readonly world: World,
    private readonly calls: CallEngine,
  ) {}

  detectMachine(leg: Leg): void {
    const isMachine = leg.farEnd.kind === "answer" && leg.farEnd.machine;
    this.calls.later(leg, 2500, () => {
      this.calls.emit(leg, "call.machine.detection.ended", { result: isMachine ? "machine" : "human" });
      if (isMachine && (leg.amd === "detect_beep" || leg.amd === "greeting_end")) {
        this.calls.later(leg, 4000, () =>
          this.calls.emit(leg, "call.machine.greeting.ended", { result: "beep_detected" }),
        );
      }
    });
  }

  speak(leg: Leg, text: string, after?: () => void): void {
    requireAnswered(leg);
    this.calls.emit(leg, "call.speak.started", {});
    this.calls.later(leg, Math.max(1000, text.length * 60), () => {
      this.calls.emit(leg, "call.speak.ended", { status: "completed" });
      after?.();
    });
  }

  startPlayback(leg: Leg, mediaUrl: string | undefined, mediaName: string | undefined): void {
    requireAnswered(leg);
    const media = { media_url: mediaUrl ?? null, media_name: mediaName ?? null, overlay: false };
    leg.playbackActive = true;
    this.calls.emit(leg, "call.playback.started", media);
    this.calls.later(leg, 3000, () => {
      if (!leg.playbackActive) return;
      leg.playbackActive = false;
      this.calls.emit(leg, "call.playback.ended", { ...media, status: "completed" });
    });
  }

  stopPlayback(leg: Leg): void {
    if (!leg.playbackActive) return;
    leg.playbackActive = false;
    this.calls.emit(leg, "call.playback.ended", {
      media_url: null,
      media_name: null,
      overlay: false,
      status: "completed",
    });
  }

  /** Waits for digits sent by the far end (POST /sandbox/calls/{id}/dtmf) or times out. */
  gather(
    leg: Leg,
    options: {
      maxDigits?: number | undefined;
      terminatingDigit?: string | undefined;
      timeoutMillis?: number | undefined;
      validDigits?: string | undefined;
    },
  ): void {
    requireAnswered(leg);
    this.stopGather(leg);
    const isInstant = this.world.scheduler.timeScale === 0;
    const cancelTimeout = isInstant
      ? () => undefined
      : leg.clock.after(this.world.scheduler, options.timeoutMillis ?? 60_000, () => this.finishGather(leg, "timeout"));
    leg.gather = {
      digits: "",
      maxDigits: options.maxDigits ?? 128,
      terminatingDigit: options.terminatingDigit ?? "#",
      validDigits: options.validDigits ?? null,
      cancelTimeout,
    };
    const digit = leg.direction === "incoming" ? callerBehaviourFor(leg.from).digit : null;
    if (digit) this.calls.later(leg, 1000, () => leg.state === "answered" && this.receiveDtmf(leg, digit));
  }

  stopGather(leg: Leg): void {
    leg.gather?.cancelTimeout();
    leg.gather = null;
  }

  /** The far end presses keys. */
  receiveDtmf(leg: Leg, digits: string): void {
    requireAnswered(leg);
    for (const digit of digits) {
      this.calls.emit(leg, "call.dtmf.received", { digit });
      const gather = leg.gather;
      if (!gather) continue;
      if (digit === gather.terminatingDigit) {
        this.finishGather(leg, "valid");
        continue;
      }
      if (gather.validDigits !== null && !gather.validDigits.includes(digit)) {
        gather.digits += digit;
        this.finishGather(leg, "invalid");
        continue;
      }
      gather.digits += digit;
      if (gather.digits.length >= gather.maxDigits) this.finishGather(leg, "valid");
    }
  }

  private finishGather(leg: Leg, status: "valid" | "invalid" | "timeout"): void {
    const gather = leg.gather;
    if (!gather) return;
    this.stopGather(leg);
    this.calls.emit(leg, "call.gather.ended", {
      digits: gather.digits,
      status: gather.digits === "" && status === "valid" ? "invalid" : status,
    });
  }

  /** `maxLengthSecs` (record_start's max_length; 0 = none): the recording stops on its own then (call.recording.saved). */
  startRecording(leg: Leg, channels: "single" | "dual", format: "wav" | "mp3", maxLengthSecs = 0): void {
    requireAnswered(leg);
    if (leg.recording) throw badState(`Call '${leg.ccid}' is already being recorded.`);
    const id = this.world.rng.uuid();
    if (maxLengthSecs > 0)
      this.calls.later(leg, maxLengthSecs * 1000, () => leg.recording?.id === id && this.finishRecording(leg), true);
    // A magic voicemail caller talks after the beep, then hangs up.
    const messageMs = leg.direction === "incoming" ? callerBehaviourFor(leg.from).messageMs : null;
    if (messageMs !== null) this.calls.later(leg, messageMs, () => this.calls.hangupByFarEnd(leg));
    leg.recording = {
      id,
      channels,
      format,
      startedAt: leg.clock.nowMs(),
      pausedAt: null,
      pausedMs: 0,
      heardFromPacket: this.world.verto.heardPacketCount(leg),
    };
  }

  pauseRecording(leg: Leg): void {
    const rec = leg.recording;
    if (!rec) throw badState(`Call '${leg.ccid}' is not being recorded.`);
    if (rec.pausedAt === null) rec.pausedAt = leg.clock.nowMs();
  }

  resumeRecording(leg: Leg): void {
    const rec = leg.recording;
    if (!rec) throw badState(`Call '${leg.ccid}' is not being recorded.`);
    if (rec.pausedAt !== null) {
      rec.pausedMs += leg.clock.nowMs() - rec.pausedAt;
      rec.pausedAt = null;
    }
  }

  stopRecording(leg: Leg): void {
    if (!leg.recording) throw badState(`Call '${leg.ccid}' is not being recorded.`);
    this.finishRecording(leg);
  }

  /** Stores the recording and announces it with call.recording.saved. */
  finishRecording(leg: Leg): void {
    const rec = leg.recording;
    if (!rec) return;
    leg.recording = null;
    const endedAt = leg.clock.nowMs();
    const paused = rec.pausedMs + (rec.pausedAt !== null ? endedAt - rec.pausedAt : 0);
    const durationMs = Math.max(0, endedAt - rec.startedAt - paused);
    leg.recordedMs += durationMs;
    const now = new Date().toISOString();
    const recording: Recording = {
      id: rec.id,
      record_type: "recording",
      call_control_id: leg.ccid,
      call_leg_id: leg.legId,
      call_session_id: leg.sessionId,
      conference_id: leg.conferenceId,
      connection_id: leg.connectionId,
      channels: rec.channels,
      format: rec.format,
      duration_millis: Math.round(durationMs),
      from: leg.from,
      to: leg.to,
      source: "call",
      status: "completed",
      initiated_by: "record_start",
      recording_started_at: new Date(rec.startedAt).toISOString(),
      recording_ended_at: new Date(endedAt).toISOString(),
      created_at: now,
      updated_at: now,
    };
    this.world.recordings.set(recording.id, recording);
    const heard = rec.heardFromPacket === null ? null : this.world.verto.heardSince(leg, rec.heardFromPacket);
    if (heard) this.world.recordingAudio.set(recording.id, heard);
    const urls = recordingUrls(this.world.origin, recording.id);
    this.calls.emit(leg, "call.recording.saved", {
      channels: rec.channels,
      format: rec.format,
      recording_id: recording.id,
      recording_started_at: recording.recording_started_at,
      recording_ended_at: recording.recording_ended_at,
      recording_urls: urls,
      public_recording_urls: urls,
      start_time: new Date(leg.startedAt).toISOString(),
    });
  }
}

export function recordingUrls(origin: string, id: string): { mp3: string; wav: string } {
  return { mp3: `${origin}/sandbox/recordings/${id}.mp3`, wav: `${origin}/sandbox/recordings/${id}.wav` };
}

function requireAnswered(leg: Leg): void {
  if (leg.state !== "answered")
    throw badState(`Call '${leg.ccid}' must be answered for this command (state '${leg.state}').`);
}
