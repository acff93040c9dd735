/** Records held by the simulated Telnyx account, stored in Telnyx's own wire shape where practical. */
export type PhoneNumberType = "local" | "toll_free" | "mobile" | "national" | "shared_cost";

export interface CallControlApp {
  id: string;
  record_type: "call_control_application";
  application_name: string;
  webhook_event_url: string;
  webhook_event_failover_url: string | null;
  webhook_api_version: "1" | "2";
  webhook_timeout_secs: number | null;
  call_cost_in_webhooks: boolean;
  active: boolean;
  anchorsite_override: string;
  dtmf_type: string;
  first_command_timeout: boolean;
  first_command_timeout_secs: number;
  inbound: Record<string, unknown>;
  outbound: Record<string, unknown>;
  redact_dtmf_debug_logging: boolean;
  tags: string[];
  created_at: string;
  updated_at: string;
}

export interface CredentialConnection {
  id: string;
  record_type: "credential_connection";
  connection_name: string;
  user_name: string;
  password: string;
  active: boolean;
  anchorsite_override: string;
  webhook_event_url: string | null;
  webhook_event_failover_url: string | null;
  webhook_api_version: "1" | "2";
  webhook_timeout_secs: number | null;
  sip_uri_calling_preference: string;
  dtmf_type: string;
  encrypted_media: string | null;
  inbound: { channel_limit: number | null; codecs: string[] };
  outbound: { channel_limit: number | null; outbound_voice_profile_id: string | null };
  tags: string[];
  created_at: string;
  updated_at: string;
}

export interface MessagingProfile {
  id: string;
  record_type: "messaging_profile";
  name: string;
  enabled: boolean;
  webhook_url: string | null;
  webhook_failover_url: string | null;
  webhook_api_version: "1" | "2" | "2010-04-01";
  whitelisted_destinations: string[];
  daily_spend_limit: string;
  daily_spend_limit_enabled: boolean;
  mms_fall_back_to_sms: boolean;
  mms_transcoding: boolean;
  mobile_only: boolean;
  number_pool_settings: null;
  url_shortener_settings: null;
  alpha_sender: string | null;
  organization_id: string;
  v1_secret: string;
  created_at: string;
  updated_at: string;
}

export interface OwnedNumber {
  id: string;
  record_type: "phone_number";
  phone_number: string;
  status: "purchase-pending" | "purchase-failed" | "active" | "deleted";
  phone_number_type: PhoneNumberType;
  country_iso_alpha2: string;
  connection_id: string | null;
  messaging_profile_id: string | null;
  tags: string[];
  customer_reference: string | null;
  features: string[];
  purchased_at: string;
  created_at: string;
  updated_at: string;
}

export interface NumberOrder {
  id: string;
  record_type: "number_order";
  status: "pending" | "success" | "failure";
  connection_id: string | null;
  messaging_profile_id: string | null;
  customer_reference: string | null;
  billing_group_id: string | null;
  requirements_met: boolean;
  sub_number_orders_ids: string[];
  phone_numbers_count: number;
  phone_numbers: Array<{
    id: string;
    record_type: "number_order_phone_number";
    phone_number: string;
    phone_number_type: PhoneNumberType;
    country_code: string;
    regulatory_requirements: unknown[];
    requirements_met: boolean;
    requirements_status: "approved";
    status: "pending" | "success" | "failure";
    bundle_id: string | null;
  }>;
  created_at: string;
  updated_at: string;
}

export interface Reservation {
  phoneNumber: string;
  countryCode: string;
  type: PhoneNumberType;
  features: string[];
  upfrontCost: string;
  monthlyCost: string;
  expiresAt: number;
}

export interface Recording {
  id: string;
  record_type: "recording";
  call_control_id: string;
  call_leg_id: string;
  call_session_id: string;
  conference_id: string | null;
  connection_id: string;
  channels: "single" | "dual";
  format: "wav" | "mp3";
  duration_millis: number;
  from: string;
  to: string;
  source: "call" | "conference";
  status: "completed";
  initiated_by: string;
  recording_started_at: string;
  recording_ended_at: string;
  created_at: string;
  updated_at: string;
}

export interface DetailRecord {
  record_type: "messaging" | "call-control";
  created_at: string;
  [key: string]: unknown;
}
