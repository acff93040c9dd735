import { formatMicros, parseMicros } from "../util/money.js";
import type { World } from "../world.js";
import { COUNTRIES, countryOf } from "./countries.js";
import {
  costsFor,
  featuresFor,
  generateCandidates,
  typeOfNumber,
  type Candidate,
  type SearchFilter,
} from "./number-search.js";
import type { NumberOrder, OwnedNumber, PhoneNumberType, Reservation } from "./types.js";

export interface ProvisionNumberInput {
  phoneNumber: string;
  connectionId?: string | null;
  messagingProfileId?: string | null;
  features?: string[];
  phoneNumberType?: PhoneNumberType;
  tags?: string[];
  customerReference?: string | null;
  id?: string;
}

const RESERVATION_MS = 30 * 60 * 1000;
const ORDER_COMPLETION_MS = 3000;

/** Owned numbers, search reservations and number orders. */
export class Inventory {
  readonly numbers = new Map<string, OwnedNumber>();
  readonly orders = new Map<string, NumberOrder>();
  private readonly reservations = new Map<string, Reservation>();

  constructor(private readonly world: World) {}

  reset(): void {
    this.numbers.clear();
    this.orders.clear();
    this.reservations.clear();
  }

  findActive(phoneNumber: string): OwnedNumber | undefined {
    for (const n of this.numbers.values()) if (n.phone_number === phoneNumber && n.status === "active") return n;
    return undefined;
  }

  private isOwned(phoneNumber: string): boolean {
    for (const n of this.numbers.values()) if (n.phone_number === phoneNumber && n.status !== "deleted") return true;
    return false;
  }

  /** Search results are reserved for this account for ~30 minutes; only reserved numbers can be ordered. */
  search(filter: SearchFilter): Candidate[] {
    const now = Date.now();
    const candidates = generateCandidates(this.world.seed, filter, (e164) => this.isOwned(e164));
    for (const c of candidates) {
      this.reservations.set(c.phoneNumber, {
        phoneNumber: c.phoneNumber,
        countryCode: c.countryCode,
        type: c.type,
        features: c.features,
        upfrontCost: c.upfrontCost,
        monthlyCost: c.monthlyCost,
        expiresAt: now + RESERVATION_MS,
      });
    }
    return candidates;
  }

  reservation(phoneNumber: string): Reservation | undefined {
    const r = this.reservations.get(phoneNumber);
    return r && r.expiresAt > Date.now() && !this.isOwned(phoneNumber) ? r : undefined;
  }

  provision(input: ProvisionNumberInput): OwnedNumber {
    const iso = countryOf(input.phoneNumber) ?? "US";
    const country = COUNTRIES.get(iso);
    const type = input.phoneNumberType ?? (country ? typeOfNumber(country, input.phoneNumber) : "local");
    const now = new Date().toISOString();
    const record: OwnedNumber = {
      id: input.id ?? this.world.rng.numericId(),
      record_type: "phone_number",
      phone_number: input.phoneNumber,
      status: "active",
      phone_number_type: type,
      country_iso_alpha2: iso,
      connection_id: input.connectionId ?? null,
      messaging_profile_id: input.messagingProfileId ?? null,
      tags: input.tags ?? [],
      customer_reference: input.customerReference ?? null,
      features: input.features ?? (country ? featuresFor(country, type) : ["voice"]),
      purchased_at: now,
      created_at: now,
      updated_at: now,
    };
    this.numbers.set(record.id, record);
    return record;
  }

  createOrder(params: {
    phoneNumbers: string[];
    connectionId: string | null;
    messagingProfileId: string | null;
    customerReference: string | null;
  }): NumberOrder {
    const now = new Date().toISOString();
    const rng = this.world.rng;
    const order: NumberOrder = {
      id: rng.uuid(),
      record_type: "number_order",
      status: "pending",
      connection_id: params.connectionId,
      messaging_profile_id: params.messagingProfileId,
      customer_reference: params.customerReference,
      billing_group_id: null,
      requirements_met: true,
      sub_number_orders_ids: [rng.uuid()],
      phone_numbers_count: params.phoneNumbers.length,
      phone_numbers: [],
      created_at: now,
      updated_at: now,
    };
    const owned: OwnedNumber[] = [];
    for (const phoneNumber of params.phoneNumbers) {
      const reservation = this.reservations.get(phoneNumber);
      const type = reservation?.type ?? "local";
      const record = this.provision({
        phoneNumber,
        phoneNumberType: type,
        connectionId: params.connectionId,
        messagingProfileId: params.messagingProfileId,
        ...(reservation ? { features: reservation.features } : {}),
      });
      record.status = "purchase-pending";
      owned.push(record);
      this.reservations.delete(phoneNumber);
      const country = COUNTRIES.get(record.country_iso_alpha2);
      const costs =
        reservation ??
        (country
          ? { upfrontCost: costsFor(country, type).upfront, monthlyCost: costsFor(country, type).monthly }
          : { upfrontCost: "1.00", monthlyCost: "1.00" });
      this.world.charge(parseMicros(costs.upfrontCost) + parseMicros(costs.monthlyCost));
      order.phone_numbers.push({
        id: record.id,
        record_type: "number_order_phone_number",
        phone_number: phoneNumber,
        phone_number_type: type,
        country_code: record.country_iso_alpha2,
        regulatory_requirements: [],
        requirements_met: true,
        requirements_status: "approved",
        status: "pending",
        bundle_id: null,
      });
    }
    this.orders.set(order.id, order);
    this.world.scheduler.schedule(ORDER_COMPLETION_MS, () => this.completeOrder(order, owned));
    return order;
  }

  private completeOrder(order: NumberOrder, owned: OwnedNumber[]): void {
    const now = new Date().toISOString();
    order.status = "success";
    order.updated_at = now;
    for (const p of order.phone_numbers) p.status = "success";
    for (const n of owned) {
      n.status = "active";
      n.updated_at = now;
    }
    const target =
      order.messaging_profile_id && this.world.messagingProfiles.get(order.messaging_profile_id)?.webhook_url
        ? this.world.messagingTarget(order.messaging_profile_id)
        : this.world.voiceTarget(order.connection_id ?? "");
    this.world.emit(
      `order:${order.id}`,
      "number_order.complete",
      structuredClone(order) as unknown as Record<string, unknown>,
      target,
      now,
    );
  }

  balanceString(): string {
    return formatMicros(this.world.balanceMicros, 2);
  }
}
