import { body, query, type RestRoute } from "../rest-route";

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export const numberRestRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "/api/telnyx/phone-numbers",
    procedure: "numbers.list",
    summary: "List the organization's phone numbers with this month's usage",
    input: (r) => ({ includeReleased: query(r).include_released === "true" }),
  },
  {
    method: "POST",
    path: "/api/telnyx/phone-numbers/purchase",
    procedure: "numbers.purchase",
    summary:
      "Buy a number: { country, type, area_code? } buys the first match of a search; { phone_number } buys that number",
    successStatus: 201,
    input: (r) => {
      const data = body(r);
      return {
        countryCode: text(data.country) ?? text(data.countryCode),
        numberType: text(data.type) ?? text(data.numberType),
        areaCode: text(data.area_code) ?? text(data.areaCode),
        phoneNumber: text(data.phone_number) ?? text(data.phoneNumber),
      };
    },
  },
];
