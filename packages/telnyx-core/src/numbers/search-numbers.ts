import { AppError } from "../errors/app-error";
import type { AvailableNumber } from "../gateway/numbers-api";
import type { Actor } from "../domain/actor";
import type { TelnyxContext } from "../domain/domain-context";
import { findNumberCountry } from "./countries";
import type { TAvailableNumber, TNumberSearch } from "./number-schemas";
import { withoutNationalPrefix } from "../phone/phone-numbers";

/** Our country table decides what can be searched, with a message naming what is offered. */
export function assertNumberTypeOffered(countryCode: string, numberType: string): void {
  const country = findNumberCountry(countryCode);
  if (!country) {
    throw new AppError("VALIDATION", `Numbers are not offered in ${countryCode}.`, {
      fieldErrors: { countryCode: ["invalid_country"] },
    });
  }
  if (!country.types.includes(numberType as never)) {
    const offered = country.types.map((type) => type.replace("_", "-")).join(", ");
    throw new AppError(
      "VALIDATION",
      `${country.name} has no ${numberType.replace("_", "-")} numbers; offered: ${offered}.`,
      {
        fieldErrors: { numberType: ["unavailable_number_type"] },
      },
    );
  }
}

function regionOf(number: AvailableNumber): string | null {
  const names = number.region.flatMap((region) => (region.type !== "country_code" && region.name ? [region.name] : []));
  // Telnyx repeats a place in several cases ("Nantes", "NANTES"): keep the first spelling.
  const unique = new Map<string, string>();
  for (const name of names) if (!unique.has(name.toLowerCase())) unique.set(name.toLowerCase(), name);
  return unique.size > 0 ? [...unique.values()].join(", ") : null;
}

export function toAvailableNumber(number: AvailableNumber): TAvailableNumber {
  return {
    phoneNumber: number.phoneNumber,
    features: number.features,
    upfrontCost: number.upfrontCost ?? "0",
    monthlyCost: number.monthlyCost ?? "0",
    currency: number.currency ?? "USD",
    region: regionOf(number),
    bestEffort: number.bestEffort,
  };
}

/** Available numbers from Telnyx (reserved for this account for ~30 minutes). */
export async function searchNumbers(options: {
  actor: Actor;
  gatewayFor: TelnyxContext["gatewayFor"];
  input: TNumberSearch;
}): Promise<{ items: TAvailableNumber[] }> {
  const { input } = options;
  assertNumberTypeOffered(input.countryCode, input.numberType);
  const gateway = await options.gatewayFor(options.actor.organizationId);
  const numbers = await gateway.searchAvailableNumbers({
    countryCode: input.countryCode,
    phoneNumberType: input.numberType,
    nationalDestinationCode: input.areaCode && withoutNationalPrefix(input.countryCode, input.areaCode),
    locality: input.locality,
    features: input.features,
    limit: input.limit,
  });
  return { items: numbers.slice(0, input.limit).map(toAvailableNumber) };
}
