/**
 * Environment, validated once at start. Every variable is documented in the README's
 * configuration table and in .env.example; an invalid value stops the process with a message
 * that names the variable and what it should look like.
 */
import { z } from "zod";
import { DEFAULT_OFFLINE_GRACE_MS } from "@app/telnyx-core/agents/presence";
import { DEFAULT_FRAME_WINDOW_MS } from "./realtime/frame-coalescer";
import { TELNYX_RECORDING_HOSTS } from "@app/telnyx-core/calls/recording-fetch";
import { DEFAULT_RECORDING_MAX_BYTES } from "./recordings/recording-policy";

const optionalUrl = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(z.url({ message: `must be a URL (${what})` }).optional());

const booleanFlag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .optional()
    .transform((value) => (value === undefined || value === "" ? fallback : ["true", "1", "yes"].includes(value)));

export const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  APP_URL: optionalUrl("the public URL of this server, e.g. https://crm.example.com"),
  DATABASE_URL: optionalUrl("postgres://user:password@host:5432/db").refine(
    (value) => value === undefined || /^postgres(ql)?:\/\//.test(value),
    "must start with postgres:// or postgresql://",
  ),
  DATA_DIR: z.string().default(".data"),
  REDIS_URL: optionalUrl("redis://host:6379"),
  TELNYX_API_KEY: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  TELNYX_PUBLIC_KEY: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  TELNYX_BASE_URL: optionalUrl("Telnyx API base URL including /v2"),
  APP_ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine(
      (value) => !value || Buffer.from(value, "base64").length === 32,
      "must be 32 bytes, base64-encoded (openssl rand -base64 32)",
    ),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  SEED_DEMO: booleanFlag(true),
  SEED_API_TOKEN: z.string().min(20, "must be at least 20 characters").optional(),
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  /** Speed of the sandbox's simulated world (1 = real time, 0.1 = ten times faster). */
  SANDBOX_TIME_SCALE: z.coerce.number().min(0).max(10).default(1),
  /** Requests per minute per API token, user or IP on /trpc and /api (webhooks and probes are not limited). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Concurrent live connections (sockets) per session, API token or kiosk link, per instance; the next one is refused. */
  MAX_SOCKETS_PER_CREDENTIAL: z.coerce.number().int().min(1).max(10_000).default(20),
  /** How long an agent's last live connection may be gone (on every instance) before they show Offline, in ms. */
  PRESENCE_OFFLINE_GRACE_MS: z.coerce.number().int().min(100).max(3_600_000).default(DEFAULT_OFFLINE_GRACE_MS),
  /** How long live events are coalesced into one frame for sockets that opted in to batches, in ms (0–10). */
  REALTIME_FRAME_WINDOW_MS: z.coerce.number().int().min(0).max(10).default(DEFAULT_FRAME_WINDOW_MS),
  /** Peers allowed to set X-Forwarded-For: true, false, or addresses/CIDRs (default: loopback only). */
  TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .transform((value) => (!value ? undefined : value === "true" ? true : value === "false" ? false : value)),
  /** Hosts recording URLs are fetched from (comma-separated; `*.example.com` for subdomains, `host:port` off 443). */
  RECORDING_HOSTS: z
    .string()
    .default(TELNYX_RECORDING_HOSTS.join(","))
    .transform((value) =>
      value
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .regex(
              /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/,
              "must be host names",
            ),
        )
        .min(1, "must name at least one host"),
    ),
  /** Largest recording downloaded, in bytes (bigger ones are refused while streaming). */
  RECORDING_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 ** 32)
    .default(DEFAULT_RECORDING_MAX_BYTES),
  /** When set, /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.string().min(16, "must be at least 16 characters").optional()),
  /** When set, /metrics is served only on this port (not on PORT). */
  METRICS_PORT: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(1).max(65535).optional(),
  ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WEB_DIST_DIR: z.string().optional(),
});

export type Env = z.infer<typeof ZEnvSchema>;

export class EnvError extends Error {}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(
    `Invalid configuration:\n${lines.join("\n")}\nSee the README's configuration table or .env.example.`,
  );
}

/** The mode the process runs in: sandbox Telnyx unless a real key is configured. */
export function isSandboxMode(env: Env): boolean {
  return env.TELNYX_API_KEY === undefined;
}
