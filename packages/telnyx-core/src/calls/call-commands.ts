/**
 * In-call commands. There is no mute or hold on a single Telnyx call, so they act on conference
 * participants: mute = the AGENT leg (the customer stops hearing the agent), hold = the CUSTOMER leg.
 * State arrives by webhooks; flags that Telnyx never reports (muted, on hold) are stored here.
 */
import type { TCallDto } from "../realtime/events";
import { AppError } from "../errors/app-error";
import { requireConnected, runCallCommand, type CallCommandOptions, type CommandCall } from "./call-command-runner";

const note = (text: string) => () => ({ type: "note" as const, text });

function requireCustomerLeg(call: CommandCall): string {
  if (!call.callControlId) throw new AppError("CONFLICT", "The customer is not on the line yet.");
  return call.callControlId;
}

export function hangupCall(options: CallCommandOptions): Promise<TCallDto> {
  return runCallCommand(options, {
    action: "call.hangup",
    signal: note("Hung up by the agent"),
    async run(call, gateway) {
      const legs = [call.callControlId, call.agentCallControlId].filter((ccid): ccid is string => Boolean(ccid));
      if (legs.length === 0) throw new AppError("CONFLICT", "The call is still being set up; try again in a moment.");
      for (const ccid of legs) await gateway.hangup(ccid);
    },
  });
}

export function muteCall(options: CallCommandOptions & { muted: boolean }): Promise<TCallDto> {
  return runCallCommand(options, {
    action: options.muted ? "call.mute" : "call.unmute",
    signal: note(options.muted ? "Agent muted" : "Agent unmuted"),
    async run(call, gateway) {
      const { conferenceId, agent } = requireConnected(call);
      if (options.muted) await gateway.muteParticipants(conferenceId, [agent]);
      else await gateway.unmuteParticipants(conferenceId, [agent]);
      return { isMuted: options.muted };
    },
  });
}

export function holdCall(options: CallCommandOptions & { onHold: boolean }): Promise<TCallDto> {
  return runCallCommand(options, {
    action: options.onHold ? "call.hold" : "call.unhold",
    signal: note(options.onHold ? "Customer put on hold" : "Customer taken off hold"),
    async run(call, gateway) {
      const { conferenceId, customer } = requireConnected(call);
      if (options.onHold) await gateway.holdParticipants(conferenceId, [customer]);
      else await gateway.unholdParticipants(conferenceId, [customer]);
      return { isOnHold: options.onHold };
    },
  });
}

export function recordCall(options: CallCommandOptions & { recording: boolean }): Promise<TCallDto> {
  return runCallCommand(options, {
    action: options.recording ? "call.start_recording" : "call.stop_recording",
    signal: note(options.recording ? "Recording started" : "Recording stopped"),
    async run(call, gateway) {
      const customer = requireCustomerLeg(call);
      if (call.status !== "ANSWERED" && call.status !== "BRIDGED")
        throw new AppError("CONFLICT", "Recording can start once the customer has answered.");
      if (options.recording && call.isRecording) throw new AppError("CONFLICT", "This call is already being recorded.");
      if (!options.recording && !call.isRecording) throw new AppError("CONFLICT", "This call is not being recorded.");
      if (options.recording) await gateway.startRecording(customer, { channels: "single", format: "mp3" });
      else await gateway.stopRecording(customer);
      return { isRecording: options.recording };
    },
  });
}
