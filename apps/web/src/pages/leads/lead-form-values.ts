import type { RouterInputs, RouterOutputs } from "../../lib/trpc";

export type Lead = RouterOutputs["leads"]["list"]["items"][number];
export type LeadInput = RouterInputs["leads"]["create"];

export const LEAD_FORM_FIELDS = ["firstName", "lastName", "company", "email", "phoneNumber", "notes"] as const;
export type LeadFormField = (typeof LEAD_FORM_FIELDS)[number];

export interface LeadFormValues {
  firstName: string;
  lastName?: string;
  company?: string;
  email?: string;
  phoneNumber: string;
  notes?: string;
}

export function isLeadFormField(name: string): name is LeadFormField {
  return (LEAD_FORM_FIELDS as readonly string[]).includes(name);
}

export function toLeadFormValues(lead: Lead | null): Partial<LeadFormValues> {
  if (!lead) return {};
  return {
    firstName: lead.firstName,
    lastName: lead.lastName,
    company: lead.company ?? undefined,
    email: lead.email ?? undefined,
    phoneNumber: lead.phoneNumber,
    notes: lead.notes ?? undefined,
  };
}

function toNullable(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Form → API input; a cleared optional field is sent as null so an update really clears it. */
export function toLeadInput(values: LeadFormValues): LeadInput {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName?.trim() ?? "",
    company: toNullable(values.company),
    email: toNullable(values.email),
    phoneNumber: values.phoneNumber,
    notes: toNullable(values.notes),
  };
}

export function formatLeadName(lead: Pick<Lead, "firstName" | "lastName">): string {
  return [lead.firstName, lead.lastName].filter(Boolean).join(" ");
}
