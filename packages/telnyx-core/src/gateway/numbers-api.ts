/**
 * Number search, ordering and management. Search filters MUST sit inside `filter: {}` — Telnyx
 * silently drops top-level keys and would return unfiltered numbers.
 */
import type { Telnyx } from "telnyx";
import { numberOrderPayload } from "../webhooks/message-event-schemas";
import { AppError } from "../errors/app-error";
import { compact, type GatewayContext } from "./gateway-context";
import type { z } from "zod";

export type NumberFeature =
  | "sms"
  | "mms"
  | "voice"
  | "fax"
  | "emergency"
  | "hd_voice"
  | "international_sms"
  | "local_calling";
export type PhoneNumberType = "local" | "toll_free" | "mobile" | "national" | "shared_cost";

export interface SearchAvailableNumbersInput {
  /** ISO 3166-1 alpha-2, e.g. "US". */
  countryCode: string;
  phoneNumberType?: PhoneNumberType;
  features?: NumberFeature[];
  locality?: string;
  administrativeArea?: string;
  /** Area code, e.g. "312". */
  nationalDestinationCode?: string;
  contains?: string;
  startsWith?: string;
  endsWith?: string;
  limit?: number;
  bestEffort?: boolean;
}

export interface AvailableNumber {
  phoneNumber: string;
  features: string[];
  /** Decimal strings, as Telnyx sends them. */
  upfrontCost: string | null;
  monthlyCost: string | null;
  currency: string | null;
  region: Array<{ type?: string; name?: string }>;
  bestEffort: boolean;
  reservable?: boolean;
}

export type NumberOrder = z.output<typeof numberOrderPayload>;

export interface OwnedPhoneNumber {
  id: string;
  phoneNumber: string;
  status: string;
  phoneNumberType?: string;
  connectionId: string | null;
  messagingProfileId: string | null;
  tags: string[];
  purchasedAt?: string;
}

export interface NumbersApi {
  searchAvailableNumbers(input: SearchAvailableNumbersInput): Promise<AvailableNumber[]>;
  createNumberOrder(input: {
    phoneNumbers: string[];
    connectionId?: string;
    messagingProfileId?: string;
    customerReference?: string;
  }): Promise<NumberOrder>;
  retrieveNumberOrder(id: string): Promise<NumberOrder>;
  listPhoneNumbers(filter?: {
    status?: string;
    phoneNumber?: string;
    connectionId?: string;
    tag?: string;
  }): Promise<OwnedPhoneNumber[]>;
  updatePhoneNumber(
    id: string,
    data: { connectionId?: string; tags?: string[]; customerReference?: string },
  ): Promise<OwnedPhoneNumber>;
  /** messagingProfileId null unassigns the number (sent as "", as Telnyx expects). */
  updatePhoneNumberMessaging(
    id: string,
    data: { messagingProfileId: string | null },
  ): Promise<{ id?: string; phoneNumber?: string; messagingProfileId: string | null }>;
  releasePhoneNumber(id: string): Promise<void>;
}

function toOwnedNumber(number: Telnyx.NumbersPhoneNumberDetailed): OwnedPhoneNumber {
  return {
    id: number.id,
    phoneNumber: number.phone_number,
    status: number.status,
    phoneNumberType: number.phone_number_type,
    connectionId: number.connection_id ?? null,
    messagingProfileId: number.messaging_profile_id ?? null,
    tags: number.tags ?? [],
    purchasedAt: number.purchased_at,
  };
}

function toNumberOrder(data: unknown): NumberOrder {
  const parsed = numberOrderPayload.safeParse(data);
  if (!parsed.success)
    throw new AppError("TELNYX_ERROR", "Telnyx answered the number order in an unexpected shape.", {
      cause: parsed.error,
    });
  return parsed.data;
}

export function createNumbersApi(ctx: GatewayContext): NumbersApi {
  const { client, run, collect, noRetry } = ctx;

  return {
    async searchAvailableNumbers(input) {
      const phoneNumber = compact({
        contains: input.contains,
        starts_with: input.startsWith,
        ends_with: input.endsWith,
      });
      const filter = compact({
        country_code: input.countryCode.toUpperCase(),
        phone_number_type: input.phoneNumberType,
        features: input.features,
        locality: input.locality,
        administrative_area: input.administrativeArea,
        national_destination_code: input.nationalDestinationCode,
        phone_number: Object.keys(phoneNumber).length > 0 ? phoneNumber : undefined,
        limit: input.limit,
        best_effort: input.bestEffort,
      });
      const response = await run("available phone numbers", () => client.availablePhoneNumbers.list({ filter }));
      return (response.data ?? []).flatMap((item) =>
        item.phone_number
          ? [
              {
                phoneNumber: item.phone_number,
                features: (item.features ?? []).flatMap((feature) => (feature.name ? [feature.name] : [])),
                upfrontCost: item.cost_information?.upfront_cost ?? null,
                monthlyCost: item.cost_information?.monthly_cost ?? null,
                currency: item.cost_information?.currency ?? null,
                region: (item.region_information ?? []).map((region) => ({
                  type: region.region_type,
                  name: region.region_name,
                })),
                bestEffort: item.best_effort ?? false,
                reservable: item.reservable,
              },
            ]
          : [],
      );
    },
    async createNumberOrder(input) {
      // Never retried: a lost response followed by a retry would buy the numbers twice.
      const response = await run("number order", () =>
        client.numberOrders.create(
          compact({
            phone_numbers: input.phoneNumbers.map((phone_number) => ({ phone_number })),
            connection_id: input.connectionId,
            messaging_profile_id: input.messagingProfileId,
            customer_reference: input.customerReference,
          }),
          noRetry,
        ),
      );
      return toNumberOrder(response.data);
    },
    async retrieveNumberOrder(id) {
      const response = await run("number order", () => client.numberOrders.retrieve(id));
      return toNumberOrder(response.data);
    },
    async listPhoneNumbers(filter = {}) {
      const query = compact({
        status: filter.status as Telnyx.PhoneNumberListParams.Filter["status"],
        phone_number: filter.phoneNumber,
        connection_id: filter.connectionId,
        tag: filter.tag,
      });
      const numbers = await collect("phone numbers", () =>
        client.phoneNumbers.list({ filter: query, "page[size]": 250 }),
      );
      return numbers.map(toOwnedNumber);
    },
    async updatePhoneNumber(id, data) {
      const body = compact({
        connection_id: data.connectionId,
        tags: data.tags,
        customer_reference: data.customerReference,
      });
      const response = await run("phone number", () => client.phoneNumbers.update(id, body));
      if (!response.data) throw new AppError("TELNYX_ERROR", "Telnyx answered the update without the number");
      return toOwnedNumber(response.data);
    },
    async updatePhoneNumberMessaging(id, data) {
      const response = await run("phone number", () =>
        client.phoneNumbers.messaging.update(id, { messaging_profile_id: data.messagingProfileId ?? "" }),
      );
      return {
        id: response.data?.id,
        phoneNumber: response.data?.phone_number,
        messagingProfileId: response.data?.messaging_profile_id ?? null,
      };
    },
    async releasePhoneNumber(id) {
      await run("phone number", () => client.phoneNumbers.delete(id));
    },
  };
}
