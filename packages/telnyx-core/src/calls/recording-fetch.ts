/**
 * Fetching a recording URL named by a webhook is a request made on an outsider's behalf (SSRF): only allow-listed
 * hosts, https unless the policy allows http, never a private/loopback/link-local address (checked on the address
 * actually connected to, after DNS), no redirects, a size cap enforced while streaming to disk, a timeout and an
 * audio content type. The sandbox's recordings (on loopback) are allowed by exact URL prefix only.
 */
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";

/** Where Telnyx's own storage serves recording_urls from (docs/telnyx-facts.md). */
export const TELNYX_RECORDING_HOSTS = ["s3.amazonaws.com"];

export interface RecordingFetchPolicy {
  /** Host names (with `:port` when not the scheme's default); `*.example.com` allows its subdomains. */
  allowedHosts: string[];
  /** URL prefixes fetched even on a loopback address (the built-in sandbox's recordings, in sandbox mode). */
  trustedPrefixes: string[];
  requireHttps: boolean;
  maxBytes: number;
  timeoutMs: number;
}

/** Why a recording URL was not fetched; `reason` is safe to log (no query string, which carries S3 signatures). */
export class RecordingRefusedError extends Error {
  constructor(readonly reason: string) {
    super(`recording fetch refused: ${reason}`);
    this.name = "RecordingRefusedError";
  }
}

const AUDIO_TYPES = new Set(["audio/mpeg", "audio/mp3", "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"]);
/**
 * Object stores serve files uploaded without a type as one of these (S3: binary/octet-stream). Such a body is
 * accepted only when its first bytes are an MP3 (ID3 tag or MPEG frame sync) or a WAV (RIFF….WAVE) header.
 */
const UNTYPED = new Set(["application/octet-stream", "binary/octet-stream"]);

function isAudioHeader(head: Buffer): boolean {
  const isId3 = head.subarray(0, 3).toString("latin1") === "ID3";
  const isFrameSync = head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0;
  const isWav = head.subarray(0, 4).toString("latin1") === "RIFF" && head.subarray(8, 12).toString("latin1") === "WAVE";
  return isId3 || isFrameSync || isWav;
}

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** True for loopback, private, link-local, CGNAT, multicast and reserved addresses (IPv4-mapped IPv6 included). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isInternalAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

function isHostAllowed(host: string, allowedHosts: string[]): boolean {
  const wanted = host.toLowerCase();
  return allowedHosts.some((entry) => {
    const allowed = entry.trim().toLowerCase();
    if (allowed.startsWith("*.")) return wanted.endsWith(allowed.slice(1)) && wanted.length > allowed.length - 1;
    return wanted === allowed;
  });
}

/** Resolves like the system, then refuses the connection when any resolved address is internal. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const internal = addresses.find((entry) => isInternalAddress(entry.address));
    if (internal || addresses.length === 0) {
      return callback(new RecordingRefusedError(`${hostname} resolves to an internal address`), "", 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};

/** Checks the URL against the policy before any connection; answers whether address checks are skipped. */
export function checkRecordingUrl(raw: string, policy: RecordingFetchPolicy): { url: URL; isTrusted: boolean } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RecordingRefusedError("not a URL");
  }
  const where = `${url.protocol}//${url.host}`;
  if (url.username || url.password) throw new RecordingRefusedError(`${where}: credentials in the URL`);
  if (policy.trustedPrefixes.some((prefix) => raw.startsWith(prefix))) return { url, isTrusted: true };
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !policy.requireHttps)) {
    throw new RecordingRefusedError(`${where}: scheme not allowed`);
  }
  if (!isHostAllowed(url.host, policy.allowedHosts)) throw new RecordingRefusedError(`${where}: host not allowed`);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && isInternalAddress(literal)) throw new RecordingRefusedError(`${where}: internal address`);
  return { url, isTrusted: false };
}

/** Streams an allowed recording to `target` (removed again on any failure). */
export async function fetchRecordingToFile(raw: string, target: string, policy: RecordingFetchPolicy): Promise<void> {
  const { url, isTrusted } = checkRecordingUrl(raw, policy);
  const where = `${url.protocol}//${url.host}${url.pathname}`;
  const client = url.protocol === "https:" ? https : http;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new RecordingRefusedError(`${where}: timed out`)), policy.timeoutMs);
  try {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = client.get(url, {
        signal: controller.signal,
        ...(isTrusted ? {} : { lookup: publicOnlyLookup }),
      });
      request.on("response", resolve).on("error", reject);
    });
    const status = response.statusCode ?? 0;
    const type = (response.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    const declared = Number(response.headers["content-length"] ?? NaN);
    const refusal =
      status >= 300 && status < 400
        ? `${where}: redirect refused`
        : status !== 200
          ? `${where}: HTTP ${status}`
          : !AUDIO_TYPES.has(type) && !UNTYPED.has(type)
            ? `${where}: content type ${type || "missing"} is not audio`
            : declared > policy.maxBytes
              ? `${where}: ${declared} bytes over the ${policy.maxBytes}-byte cap`
              : null;
    if (refusal) {
      response.destroy();
      throw new RecordingRefusedError(refusal);
    }
    let received = 0;
    let head: Buffer | null = UNTYPED.has(type) ? Buffer.alloc(0) : null;
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (head !== null) {
          head = Buffer.concat([head, chunk]);
          if (head.length < 12) return done();
          if (!isAudioHeader(head))
            return done(new RecordingRefusedError(`${where}: ${type} body is not MP3 or WAV audio`));
          chunk = head;
          head = null;
        }
        received += chunk.length;
        if (received > policy.maxBytes)
          return done(new RecordingRefusedError(`${where}: over the ${policy.maxBytes}-byte cap`));
        done(null, chunk);
      },
      flush(done) {
        // An untyped body shorter than a header is no recording.
        done(head !== null ? new RecordingRefusedError(`${where}: ${type} body is not MP3 or WAV audio`) : null);
      },
    });
    await pipeline(response, cap, createWriteStream(target), { signal: controller.signal });
  } catch (error) {
    await rm(target, { force: true });
    if (controller.signal.aborted && controller.signal.reason instanceof RecordingRefusedError)
      throw controller.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
