import type { leadsStrings } from "../pages/leads/strings";
import type { numbersStrings } from "../pages/numbers/strings";
import type { connectionsStrings } from "../pages/connections/strings";
import type { settingsStrings } from "../pages/settings/strings";
import type { apiTokensStrings } from "../pages/settings/api-tokens/strings";
import type { auditStrings } from "../pages/audit/strings";
import type { analyticsStrings } from "../pages/analytics/strings";
import type { wallboardStrings } from "../pages/wallboard/strings";
import type { reportsStrings } from "../pages/reports/strings";
import type { routingStrings } from "../pages/routing/strings";
import type { callbacksStrings } from "../pages/callbacks/strings";
import { callsStrings } from "../pages/calls/strings";
import { messagesStrings } from "../pages/messages/strings";
import { loginStrings } from "../pages/login/strings";
import { dashboardStrings } from "../pages/dashboard/strings";
import { profileStrings } from "../layout/profile-strings";

export const en = {
  common: {
    appName: "Telnyx CRM",
    loading: "Loading…",
    retry: "Try again",
    cancel: "Cancel",
    logout: "Log out",
    language: "Language",
    menu: "Main menu",
    openMenu: "Open the menu",
  },
  roles: { ADMIN: "Admin", SUPERVISOR: "Supervisor", AGENT: "Agent" },
  nav: {
    dashboard: "Dashboard",
    analytics: "Analytics",
    calls: "Calls",
    callbacks: "Callbacks",
    messages: "Messages",
    numbers: "Numbers",
    connections: "Connections",
    leads: "Leads",
    wallboard: "Wallboard",
    routing: "Call routing",
    settings: "Settings",
    audit: "Audit log",
  },
  /** The open-callbacks badge beside the menu entry. */
  navBadge: {
    callbacks_one: "{{count, number}} callback to make",
    callbacks_other: "{{count, number}} callbacks to make",
  },
  live: {
    connected: "Live",
    reconnecting: "Reconnecting…",
    offline: "Offline",
    tooltip: {
      connected: "Live updates are on since {{time}}.",
      connecting: "Connecting to live updates…",
      reconnecting: "Connection lost. Reconnecting (attempt {{attempt}})…",
      offline: "Live updates are off: {{reason}}",
    },
    reasons: {
      network: "your device is offline.",
      unauthorized: "your session has ended. Log in again.",
      failed: "the server cannot be reached.",
    },
  },
  errors: {
    UNAUTHORIZED: "Your session has ended. Please log in again.",
    INVALID_CREDENTIALS: "Wrong email or password.",
    TOO_MANY_ATTEMPTS: "Too many attempts, try again in a minute.",
    FORBIDDEN: "Your role does not allow this action.",
    NOT_FOUND: "This item no longer exists.",
    CONFLICT: "This conflicts with existing data.",
    IDEMPOTENCY_IN_PROGRESS: "This action is still being processed. Wait a moment, then check the result.",
    IDEMPOTENCY_KEY_REUSED: "This action was already sent with other values. Submit again to send it as a new action.",
    VALIDATION: "Some fields are invalid.",
    RATE_LIMITED: "Too many requests. Wait a moment and try again.",
    OPTED_OUT: "This contact has opted out of messages.",
    TELNYX_AUTH: "Telnyx rejected the API key. Check it in Settings.",
    TELNYX_PERMISSION: "The Telnyx account does not allow this action.",
    TELNYX_VALIDATION: "Telnyx rejected the request.",
    TELNYX_NOT_FOUND: "Telnyx does not know this resource.",
    TELNYX_RATE_LIMITED: "Telnyx is limiting requests. Try again shortly.",
    TELNYX_UNAVAILABLE: "Telnyx is unreachable right now. Try again shortly.",
    TELNYX_ERROR: "Telnyx returned an error.",
    UNAVAILABLE: "The service is temporarily unavailable. Try again shortly.",
    ENCRYPTION_KEY_MISSING:
      "The server has no APP_ENCRYPTION_KEY: an administrator must set it (32 random bytes in base64, e.g. “openssl rand -base64 32”) and restart the server.",
    INTERNAL: "Something went wrong on our side. Please try again.",
    NETWORK: "Cannot reach the server. Check your connection.",
    UNKNOWN: "Something went wrong. Please try again.",
  },
  validation: {
    required: "This field is required.",
    invalid_phone: "Enter a valid phone number.",
    invalid_email: "Enter a valid email address.",
    too_long: "This is too long.",
    invalid_idempotency_key: "Invalid request key: reload the page and try again.",
    invalid_device: "Enter a phone number in international format or a SIP address (sip:name@domain).",
    not_account_public_key:
      "This is not the public key of this API key's Telnyx account: copy it from that account's portal (Keys & credentials → Public Key).",
  },
  session: { loadFailed: "We could not load your session." },
  notFound: {
    title: "Page not found",
    description: "This address does not match any page.",
    back: "Back to the dashboard",
  },
  profile: profileStrings,
  login: loginStrings,
  calls: callsStrings,
  messages: messagesStrings,
  dashboard: dashboardStrings,
};

/** Strings of pages that are not on every screen: they load with their route (see page-strings.ts). */
export interface PageMessages {
  leads: typeof leadsStrings;
  numbers: typeof numbersStrings;
  connections: typeof connectionsStrings;
  settings: typeof settingsStrings;
  apiTokens: typeof apiTokensStrings;
  audit: typeof auditStrings;
  analytics: typeof analyticsStrings;
  wallboard: typeof wallboardStrings;
  reports: typeof reportsStrings;
  routing: typeof routingStrings;
  callbacks: typeof callbacksStrings;
}

export type AppMessages = typeof en & PageMessages;
