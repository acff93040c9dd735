import { TELNYX_RECORDING_HOSTS, type RecordingFetchPolicy } from "@app/telnyx-core/calls/recording-fetch";

export const DEFAULT_RECORDING_MAX_BYTES = 100 * 1024 * 1024;
const RECORDING_TIMEOUT_MS = 60_000;

/**
 * Which recording URLs this server fetches. Telnyx serves them over https only, so plain http is allowed solely in
 * sandbox mode outside production (where nothing but the allow-list's hosts is reachable anyway); the sandbox's own
 * recordings, on loopback, are allowed by their exact URL prefix.
 */
export function recordingPolicyFor(options: {
  hosts?: string[] | undefined;
  maxBytes?: number | undefined;
  timeoutMs?: number | undefined;
  isProduction: boolean;
  sandboxOrigin: string | undefined;
}): RecordingFetchPolicy {
  return {
    allowedHosts: options.hosts ?? TELNYX_RECORDING_HOSTS,
    trustedPrefixes: options.sandboxOrigin ? [`${options.sandboxOrigin}/sandbox/recordings/`] : [],
    requireHttps: options.isProduction || !options.sandboxOrigin,
    maxBytes: options.maxBytes ?? DEFAULT_RECORDING_MAX_BYTES,
    timeoutMs: options.timeoutMs ?? RECORDING_TIMEOUT_MS,
  };
}
