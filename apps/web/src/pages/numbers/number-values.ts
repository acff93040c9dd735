import type { RouterInputs, RouterOutputs } from "../../lib/trpc";

export type PhoneNumber = RouterOutputs["numbers"]["list"]["items"][number];
export type NumberStatus = PhoneNumber["status"];
export type AvailableNumber = RouterOutputs["numbers"]["search"]["items"][number];
export type NumberCountry = RouterOutputs["numbers"]["countries"][number];
export type SearchInput = RouterInputs["numbers"]["search"];
export type NumberType = SearchInput["numberType"];
export type NumberFeature = NonNullable<SearchInput["features"]>[number];

export const NUMBER_TYPES = ["local", "national", "mobile", "toll_free"] as const satisfies readonly NumberType[];
export const NUMBER_FEATURES = ["voice", "sms", "mms"] as const satisfies readonly NumberFeature[];

export interface SearchFormValues {
  countryCode: string;
  numberType: NumberType;
  areaCode?: string;
  locality?: string;
  features?: NumberFeature[];
}

/** Form → numbers.search input: blank filters are left out rather than sent empty. */
export function toSearchInput(values: SearchFormValues): SearchInput {
  const areaCode = values.areaCode?.trim();
  const locality = values.locality?.trim();
  return {
    countryCode: values.countryCode,
    numberType: values.numberType,
    ...(areaCode ? { areaCode } : {}),
    ...(locality ? { locality } : {}),
    ...(values.features && values.features.length > 0 ? { features: values.features } : {}),
  };
}

/** Where a purchase stands in "ordered → active → configured"; `isFailed` stops the steps in error. */
export interface PurchaseProgress {
  current: 0 | 1 | 2;
  isDone: boolean;
  isFailed: boolean;
}

export function getPurchaseProgress(number: Pick<PhoneNumber, "status" | "isConfigured">): PurchaseProgress {
  switch (number.status) {
    case "PURCHASE_PENDING":
      return { current: 0, isDone: false, isFailed: false };
    case "ACTIVE":
      return number.isConfigured
        ? { current: 2, isDone: true, isFailed: false }
        : { current: 1, isDone: false, isFailed: false };
    case "FAILED":
    case "RELEASE_PENDING":
    case "RELEASED":
      return { current: 0, isDone: false, isFailed: true };
  }
}

export function getStatusColor(status: NumberStatus): string {
  switch (status) {
    case "PURCHASE_PENDING":
      return "processing";
    case "ACTIVE":
      return "success";
    case "RELEASE_PENDING":
      return "warning";
    case "RELEASED":
      return "default";
    case "FAILED":
      return "error";
  }
}

/** Country select search: matches the name in any case and accent, or the ISO code. */
export function matchesCountry(search: string, country: Pick<NumberCountry, "code" | "name">): boolean {
  const fold = (text: string) =>
    text
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase();
  const needle = fold(search.trim());
  if (!needle) return true;
  return fold(country.name).includes(needle) || country.code.toLowerCase() === needle;
}

/** A number can be released unless it is already on its way out. */
export function canRelease(number: Pick<PhoneNumber, "status">): boolean {
  return number.status === "ACTIVE" || number.status === "FAILED";
}

/** The list after a fresh copy of one number: replaced in place (older copies never win), added, or dropped once released. */
export function mergeNumber<T extends Pick<PhoneNumber, "id" | "status" | "updatedAt">>(
  items: readonly T[],
  fresh: T,
): T[] {
  const index = items.findIndex((item) => item.id === fresh.id);
  if (fresh.status === "RELEASED") return items.filter((item) => item.id !== fresh.id);
  if (index === -1) return [fresh, ...items];
  const current = items[index];
  if (current && new Date(current.updatedAt).getTime() > new Date(fresh.updatedAt).getTime()) return [...items];
  return items.map((item, position) => (position === index ? fresh : item));
}

/** Country name in the interface language (Intl), falling back to the server's English name. */
export function getCountryName(code: string, language: string, fallback: string): string {
  try {
    return new Intl.DisplayNames([language], { type: "region" }).of(code) ?? fallback;
  } catch {
    return fallback;
  }
}

/** The type to keep when the country changes: the current one if sold there, else the country's first. */
export function pickNumberType(
  current: NumberType | undefined,
  available: readonly NumberType[],
): NumberType | undefined {
  if (current && available.includes(current)) return current;
  return available[0];
}
