/**
 * Recordings: Telnyx's recording_urls are valid for 10 minutes, so the file is downloaded right after
 * call.recording.saved into <recordingsDir>/<organizationId>/<callId>.<ext> and served by the API.
 */
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fetchRecordingToFile, RecordingRefusedError, type RecordingFetchPolicy } from "./recording-fetch";

export interface RecordingSource {
  mp3: string | null;
  wav: string | null;
}

/** Relative to the recordings folder: what TelnyxCall.recordingPath stores. */
export function recordingRelativePath(organizationId: string, callId: string, ext: "mp3" | "wav"): string {
  return `${organizationId}/${callId}.${ext}`;
}

/** Absolute path of a stored recording; refuses anything that would leave the folder. */
export function recordingAbsolutePath(recordingsDir: string, relativePath: string): string | null {
  const root = path.resolve(recordingsDir);
  const full = path.resolve(root, relativePath);
  return full.startsWith(root + path.sep) ? full : null;
}

export function recordingContentType(filePath: string): string {
  return filePath.endsWith(".wav") ? "audio/wav" : "audio/mpeg";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Downloads the mp3 (else the wav) with a few retries for network failures; returns the stored relative path.
 * A URL the policy refuses is never retried: when every URL is refused, throws the first RecordingRefusedError.
 */
export async function downloadRecording(options: {
  recordingsDir: string;
  organizationId: string;
  callId: string;
  source: RecordingSource;
  policy: RecordingFetchPolicy;
  attempts?: number;
}): Promise<string> {
  const { recordingsDir, organizationId, callId, source, policy } = options;
  let candidates = (
    [
      ["mp3", source.mp3],
      ["wav", source.wav],
    ] as const
  ).filter((entry): entry is readonly ["mp3" | "wav", string] => typeof entry[1] === "string" && entry[1] !== "");
  if (candidates.length === 0) throw new RecordingRefusedError("call.recording.saved carried no URL");
  const attempts = options.attempts ?? 4;
  let refusal: RecordingRefusedError | null = null;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts && candidates.length > 0; attempt++) {
    if (attempt > 0) await sleep(500 * 2 ** (attempt - 1));
    for (const [ext, url] of candidates) {
      const relative = recordingRelativePath(organizationId, callId, ext);
      const target = recordingAbsolutePath(recordingsDir, relative);
      if (!target) throw new Error("invalid recording path");
      try {
        await mkdir(path.dirname(target), { recursive: true });
        const partial = `${target}.part`;
        await fetchRecordingToFile(url, partial, policy);
        await rename(partial, target);
        if (ext === "wav") await rm(target.replace(/\.wav$/, ".mp3"), { force: true });
        return relative;
      } catch (error) {
        if (!(error instanceof RecordingRefusedError)) {
          lastError = error;
          continue;
        }
        refusal ??= error;
        candidates = candidates.filter((candidate) => candidate[1] !== url);
      }
    }
  }
  if (refusal && lastError === undefined) throw refusal;
  throw lastError instanceof Error ? lastError : (refusal ?? new Error(String(lastError)));
}
