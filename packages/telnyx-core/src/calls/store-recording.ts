import type { ApplyServices } from "../webhooks/apply-types";
import { callDtoSelect, toCallDto } from "./call-dto";
import { downloadRecording, type RecordingSource } from "./call-recording-file";
import { RecordingRefusedError } from "./recording-fetch";
import { publishCallbackOfCall } from "../routing/callbacks";

/**
 * After call.recording.saved: downloads the recording under the fetch policy and records the outcome on the call
 * (its path, or "unavailable" when the URL is refused for good), pushing the change live. A refusal is rethrown so
 * the follow-up's failure is logged once, with its reason.
 */
export async function storeCallRecording(
  services: Pick<ApplyServices, "recordingsDir" | "recordingPolicy" | "db" | "publisher">,
  call: { id: string; organizationId: string },
  source: RecordingSource,
): Promise<void> {
  const save = async (data: { recordingPath?: string; recordingUnavailable: boolean }) => {
    const row = await services.db.prisma.telnyxCall.update({ where: { id: call.id }, data, select: callDtoSelect });
    services.publisher.toOrganization(call.organizationId, "call:updated", toCallDto(row));
    // A voicemail's callback now links to its recording.
    await publishCallbackOfCall(services, call);
  };
  let relative: string;
  try {
    relative = await downloadRecording({
      recordingsDir: services.recordingsDir,
      organizationId: call.organizationId,
      callId: call.id,
      source,
      policy: services.recordingPolicy,
    });
  } catch (error) {
    if (error instanceof RecordingRefusedError) await save({ recordingUnavailable: true });
    throw error;
  }
  await save({ recordingPath: relative, recordingUnavailable: false });
}
