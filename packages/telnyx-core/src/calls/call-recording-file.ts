/**
 * Recordings: Telnyx's recording_urls are valid for 10 minutes, so the file is downloaded right after
 * call.recording.saved into <recordingsDir>/<organizationId>/<callId>.<ext> and served by the API.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

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

/** Downloads the mp3 (else the wav) with a few retries; returns the stored relative path. */
export async function downloadRecording(options: {
  recordingsDir: string;
  organizationId: string;
  callId: string;
  source: RecordingSource;
  attempts?: number;
}): Promise<string> {
  const { recordingsDir, organizationId, callId, source } = options;
  const candidates = ([["mp3", source.mp3], ["wav", source.wav]] as const).filter(
    (entry): entry is readonly ["mp3" | "wav", string] => typeof entry[1] === "string" && /^https?:\/\//.test(entry[1]),
  );
  if (candidates.length === 0) throw new Error("call.recording.saved carried no downloadable URL");
  const attempts = options.attempts ?? 4;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await sleep(500 * 2 ** (attempt - 1));
    for (const [ext, url] of candidates) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
        if (!response.ok) throw new Error(`recording download answered HTTP ${response.status}`);
        const bytes = Buffer.from(await response.arrayBuffer());
        const relative = recordingRelativePath(organizationId, callId, ext);
        const target = recordingAbsolutePath(recordingsDir, relative);
        if (!target) throw new Error("invalid recording path");
        await mkdir(path.dirname(target), { recursive: true });
        const partial = `${target}.part`;
        await writeFile(partial, bytes);
        await rename(partial, target);
        if (ext === "wav") await rm(target.replace(/\.wav$/, ".mp3"), { force: true });
        return relative;
      } catch (error) {
        lastError = error;
      }
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
