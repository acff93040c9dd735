import { AppError } from "../errors/app-error";
import type { CallControlApplication, MessagingProfile } from "../gateway/account-api";
import type { CredentialConnection } from "../gateway/credentials-api";
import type { TExpectedWebhooks, TWebhookCheck } from "./connection-schemas";

/** What Telnyx holds for one application or profile, in the shape the check compares. */
export interface LiveWebhooks {
  webhookUrl: string | null;
  webhookFailoverUrl: string | null;
  callCostInWebhooks: boolean;
  apiVersion: string | null;
}

export function liveOfApplication(app: CallControlApplication): LiveWebhooks {
  return {
    webhookUrl: app.webhook_event_url || null,
    webhookFailoverUrl: app.webhook_event_failover_url || null,
    callCostInWebhooks: app.call_cost_in_webhooks ?? false,
    apiVersion: app.webhook_api_version ?? null,
  };
}

export function liveOfProfile(profile: MessagingProfile): LiveWebhooks {
  return {
    webhookUrl: profile.webhook_url || null,
    webhookFailoverUrl: profile.webhook_failover_url || null,
    callCostInWebhooks: false,
    apiVersion: profile.webhook_api_version ?? null,
  };
}

export function liveOfCredentialConnection(connection: CredentialConnection): LiveWebhooks {
  return {
    webhookUrl: connection.webhook_event_url || null,
    webhookFailoverUrl: connection.webhook_event_failover_url || null,
    callCostInWebhooks: false,
    apiVersion: connection.webhook_api_version ?? null,
  };
}

function urlProblem(label: string, actual: string | null, expected: string): string | null {
  if (actual === expected) return null;
  return actual
    ? `${label} points at ${actual} instead of ${expected}`
    : `${label} is not set (it should be ${expected})`;
}

/** Compares what Telnyx holds with the URLs this API listens on; problems are sentences for the admin. */
export function checkWebhooks(
  kind: "CALL_CONTROL_APPLICATION" | "MESSAGING_PROFILE",
  live: LiveWebhooks,
  expected: TExpectedWebhooks,
): TWebhookCheck {
  const isVoice = kind === "CALL_CONTROL_APPLICATION";
  const problems = [
    urlProblem(
      isVoice ? "Voice webhook" : "Messaging webhook",
      live.webhookUrl,
      isVoice ? expected.calls : expected.messages,
    ),
    urlProblem(
      isVoice ? "Voice failover webhook" : "Messaging failover webhook",
      live.webhookFailoverUrl,
      expected.any,
    ),
    isVoice && !live.callCostInWebhooks
      ? "Call costs are not sent with webhooks (call_cost_in_webhooks is off), so calls show no cost"
      : null,
    live.apiVersion && live.apiVersion !== "2" ? `Webhooks use API version ${live.apiVersion} instead of 2` : null,
  ].filter((problem): problem is string => problem !== null);
  return { status: problems.length === 0 ? "ok" : "mismatch", problems };
}

const LOOPBACK = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)(:\d+)?(\/|$)/i;

/** Real Telnyx cannot call a loopback address: refuse to write one into an application or profile. */
export function assertTelnyxCanReach(expected: TExpectedWebhooks): void {
  if (!LOOPBACK.test(expected.any)) return;
  throw new AppError(
    "VALIDATION",
    `Telnyx cannot reach ${new URL(expected.any).origin}: set APP_URL to this server's public address (https://…), restart it, then try again.`,
  );
}
