/** Sandbox price list (USD). Voice rates are per minute; messaging per part. */
const VOICE_PER_MINUTE: Record<string, string> = { US: "0.0035", CA: "0.0035", FR: "0.0050", GB: "0.0045" };
const SMS_PER_PART: Record<string, { rate: string; carrierFee: string }> = {
  US: { rate: "0.0045", carrierFee: "0.0030" },
  CA: { rate: "0.0045", carrierFee: "0.0030" },
  FR: { rate: "0.0380", carrierFee: "0.0000" },
  GB: { rate: "0.0350", carrierFee: "0.0000" },
};
const MMS_PER_MESSAGE: Record<string, { rate: string; carrierFee: string }> = {
  US: { rate: "0.0150", carrierFee: "0.0050" },
  CA: { rate: "0.0150", carrierFee: "0.0050" },
};

export const CALL_CONTROL_PER_MINUTE = "0.0020";
export const RECORDING_PER_MINUTE = "0.0025";

export function voiceRate(iso: string | undefined): string {
  return VOICE_PER_MINUTE[iso ?? ""] ?? "0.0100";
}

export function smsRate(iso: string | undefined): { rate: string; carrierFee: string } {
  return SMS_PER_PART[iso ?? ""] ?? { rate: "0.0500", carrierFee: "0.0000" };
}

export function mmsRate(iso: string | undefined): { rate: string; carrierFee: string } {
  return MMS_PER_MESSAGE[iso ?? ""] ?? { rate: "0.1000", carrierFee: "0.0000" };
}
