/**
 * Conferences: an agent call runs as a conference of the agent leg and the customer leg, because
 * mute/hold/supervisor roles exist only on conference participants (TELNYX.md §3).
 */
import { AppError } from "../errors/app-error";
import { compact, encodeClientState, newCommandId, type GatewayContext } from "./gateway-context";
import type { CommandOptions } from "./call-commands";

export type SupervisorRole = "monitor" | "whisper" | "barge" | "none";

export interface CreateConferenceInput extends CommandOptions {
  /** The first participant's leg (Telnyx creates the conference around it). */
  callControlId: string;
  name: string;
  beepEnabled?: "always" | "never" | "on_enter" | "on_exit";
  startConferenceOnCreate?: boolean;
}

export interface ConferenceInfo {
  id: string;
  name: string;
  status?: string;
  createdAt?: string;
}

export interface JoinConferenceInput extends CommandOptions {
  callControlId: string;
  mute?: boolean;
  hold?: boolean;
  supervisorRole?: SupervisorRole;
  /** Legs a whispering supervisor is heard by. */
  whisperCallControlIds?: string[];
  startConferenceOnEnter?: boolean;
  endConferenceOnExit?: boolean;
}

export interface ConferenceCommands {
  createConference(input: CreateConferenceInput): Promise<ConferenceInfo>;
  joinConference(conferenceId: string, input: JoinConferenceInput): Promise<void>;
  leaveConference(conferenceId: string, input: { callControlId: string; commandId?: string }): Promise<void>;
  muteParticipants(conferenceId: string, callControlIds: string[]): Promise<void>;
  unmuteParticipants(conferenceId: string, callControlIds: string[]): Promise<void>;
  holdParticipants(conferenceId: string, callControlIds: string[], options?: { audioUrl?: string }): Promise<void>;
  unholdParticipants(conferenceId: string, callControlIds: string[]): Promise<void>;
  setSupervisorRole(
    conferenceId: string,
    input: { callControlId: string; role: SupervisorRole; whisperCallControlIds?: string[]; commandId?: string },
  ): Promise<void>;
}

/** Telnyx applies mute/hold to EVERY participant when call_control_ids is omitted: never send an empty list. */
function requireParticipants(callControlIds: string[]): string[] {
  if (callControlIds.length === 0) {
    throw new AppError("VALIDATION", "Choose at least one participant.", {
      fieldErrors: { callControlIds: ["required"] },
    });
  }
  return callControlIds;
}

export function createConferenceCommands(ctx: GatewayContext): ConferenceCommands {
  const { client, run } = ctx;
  const conference = "conference";

  return {
    async createConference(input) {
      const response = await run(conference, () =>
        client.conferences.create(
          compact({
            call_control_id: input.callControlId,
            name: input.name,
            beep_enabled: input.beepEnabled,
            client_state: encodeClientState(input.clientState),
            command_id: input.commandId ?? newCommandId(),
            start_conference_on_create: input.startConferenceOnCreate,
          }),
        ),
      );
      const data = response.data;
      if (!data) throw new AppError("TELNYX_ERROR", "Telnyx answered the conference creation without a conference");
      return { id: data.id, name: data.name, status: data.status, createdAt: data.created_at };
    },
    async joinConference(conferenceId, input) {
      await run(conference, () =>
        client.conferences.actions.join(
          conferenceId,
          compact({
            call_control_id: input.callControlId,
            client_state: encodeClientState(input.clientState),
            command_id: input.commandId ?? newCommandId(),
            mute: input.mute,
            hold: input.hold,
            supervisor_role: input.supervisorRole,
            whisper_call_control_ids: input.whisperCallControlIds,
            start_conference_on_enter: input.startConferenceOnEnter,
            end_conference_on_exit: input.endConferenceOnExit,
          }),
        ),
      );
    },
    async leaveConference(conferenceId, input) {
      await run(conference, () =>
        client.conferences.actions.leave(conferenceId, {
          call_control_id: input.callControlId,
          command_id: input.commandId ?? newCommandId(),
        }),
      );
    },
    async muteParticipants(conferenceId, callControlIds) {
      const ids = requireParticipants(callControlIds);
      await run(conference, () => client.conferences.actions.mute(conferenceId, { call_control_ids: ids }));
    },
    async unmuteParticipants(conferenceId, callControlIds) {
      const ids = requireParticipants(callControlIds);
      await run(conference, () => client.conferences.actions.unmute(conferenceId, { call_control_ids: ids }));
    },
    async holdParticipants(conferenceId, callControlIds, options = {}) {
      const ids = requireParticipants(callControlIds);
      await run(conference, () =>
        client.conferences.actions.hold(conferenceId, compact({ call_control_ids: ids, audio_url: options.audioUrl })),
      );
    },
    async unholdParticipants(conferenceId, callControlIds) {
      const ids = requireParticipants(callControlIds);
      await run(conference, () => client.conferences.actions.unhold(conferenceId, { call_control_ids: ids }));
    },
    async setSupervisorRole(conferenceId, input) {
      await run(conference, () =>
        client.conferences.actions.update(
          conferenceId,
          compact({
            call_control_id: input.callControlId,
            supervisor_role: input.role,
            whisper_call_control_ids: input.whisperCallControlIds,
            command_id: input.commandId ?? newCommandId(),
          }),
        ),
      );
    },
  };
}
