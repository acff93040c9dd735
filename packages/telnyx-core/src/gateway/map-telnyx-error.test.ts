import { APIConnectionError, APIConnectionTimeoutError, APIError } from "telnyx";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { fieldFromPointer, mapTelnyxError, redactSecrets, retryAfterSecsFrom } from "./map-telnyx-error";

const API_KEY = "KEY0190ABCDEF1234567890_secretsecretsecret";

function apiError(status: number, body: unknown, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, body as object, undefined, new Headers(headers));
}

function telnyxBody(...errors: Array<{ code: string; detail: string; pointer?: string }>) {
  return {
    errors: errors.map((e) => ({
      code: e.code,
      title: "t",
      detail: e.detail,
      ...(e.pointer ? { source: { pointer: e.pointer } } : {}),
    })),
  };
}

describe("mapTelnyxError", () => {
  it("401 → TELNYX_AUTH pointing at the key setting", () => {
    const mapped = mapTelnyxError(apiError(401, telnyxBody({ code: "10009", detail: "Authentication failed" })));
    expect(mapped.code).toBe("TELNYX_AUTH");
    expect(mapped.message).toBe(
      "Telnyx rejected the API key — check TELNYX_API_KEY (or the organization's key in Settings).",
    );
    expect(mapped.details).toMatchObject({ status: 401, telnyxCodes: ["10009"] });
  });

  it("403 → TELNYX_PERMISSION", () => {
    const mapped = mapTelnyxError(apiError(403, telnyxBody({ code: "10010", detail: "Not allowed to order numbers" })));
    expect(mapped.code).toBe("TELNYX_PERMISSION");
    expect(mapped.message).toContain("lacks permission");
    expect(mapped.message).toContain("Not allowed to order numbers");
  });

  it("404 → TELNYX_NOT_FOUND naming the resource", () => {
    const mapped = mapTelnyxError(apiError(404, telnyxBody({ code: "10005", detail: "Resource not found" })), {
      resource: "recording",
    });
    expect(mapped.code).toBe("TELNYX_NOT_FOUND");
    expect(mapped.message).toMatch(/^Telnyx could not find the recording: Resource not found/);
  });

  it("404 whose detail ends with a full stop reads as one sentence end", () => {
    const body = telnyxBody({
      code: "10005",
      detail: "The requested call control application '42' could not be found.",
    });
    const mapped = mapTelnyxError(apiError(404, body), { resource: "Call Control application" });
    expect(mapped.message).toBe(
      "Telnyx could not find the Call Control application: The requested call control application '42' could not be found. It may have been deleted or belong to another account.",
    );
  });

  it.each([400, 422])("%i → TELNYX_VALIDATION with the field from source.pointer and fieldErrors", (status) => {
    const body = telnyxBody(
      { code: "10016", detail: "'+1555' is not a valid +E.164 phone number.", pointer: "/to" },
      { code: "10004", detail: "The 'messaging_profile_id' parameter is required.", pointer: "/messaging_profile_id" },
    );
    const mapped = mapTelnyxError(apiError(status, body));
    expect(mapped.code).toBe("TELNYX_VALIDATION");
    expect(mapped.message).toBe(
      "Telnyx rejected the request — to: '+1555' is not a valid +E.164 phone number; messagingProfileId: The 'messaging_profile_id' parameter is required.",
    );
    expect(mapped.fieldErrors).toEqual({
      to: ["'+1555' is not a valid +E.164 phone number."],
      messagingProfileId: ["The 'messaging_profile_id' parameter is required."],
    });
  });

  it("429 → TELNYX_RATE_LIMITED with retryAfterSecs from the headers", () => {
    const mapped = mapTelnyxError(
      apiError(429, telnyxBody({ code: "10011", detail: "Too many requests" }), { "retry-after": "7" }),
    );
    expect(mapped).toMatchObject({ code: "TELNYX_RATE_LIMITED", retryAfterSecs: 7 });
    expect(mapped.message).toContain("try again in 7 s");
  });

  it.each([500, 502, 503])("%i → TELNYX_ERROR", (status) => {
    const mapped = mapTelnyxError(apiError(status, { errors: [] }));
    expect(mapped.code).toBe("TELNYX_ERROR");
    expect(mapped.message).toBe("Telnyx had an internal error, try again in a moment.");
  });

  it("connection errors and timeouts → TELNYX_UNAVAILABLE", () => {
    const refused = Object.assign(new Error("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const connection = mapTelnyxError(new APIConnectionError({ cause: refused }));
    expect(connection.code).toBe("TELNYX_UNAVAILABLE");
    expect(connection.message).toMatch(/^Telnyx is unreachable/);
    expect(connection.details).toMatchObject({ connectionRefused: true, timeout: false });
    const timeout = mapTelnyxError(new APIConnectionTimeoutError());
    expect(timeout).toMatchObject({ code: "TELNYX_UNAVAILABLE", details: { timeout: true } });
  });

  it("never leaks the API key, even when Telnyx echoes it", () => {
    const body = telnyxBody({
      code: "10015",
      detail: `Bad key ${API_KEY} sent as Bearer ${API_KEY}`,
      pointer: "/api_key",
    });
    const mapped = mapTelnyxError(apiError(422, body), { apiKey: API_KEY });
    expect(mapped.message).not.toContain(API_KEY);
    expect(JSON.stringify(mapped.fieldErrors)).not.toContain(API_KEY);
    const unknown = mapTelnyxError(new Error(`boom ${API_KEY}`), { apiKey: API_KEY });
    expect(unknown.message).not.toContain(API_KEY);
  });

  it("passes AppErrors through untouched", () => {
    const original = new AppError("VALIDATION", "x");
    expect(mapTelnyxError(original)).toBe(original);
  });
});

describe("helpers", () => {
  it("fieldFromPointer camel-cases nested pointers", () => {
    expect(fieldFromPointer("/filter/country_code")).toBe("filter.countryCode");
    expect(fieldFromPointer("/phone_numbers/0/phone_number")).toBe("phoneNumbers.0.phoneNumber");
  });

  it("retryAfterSecsFrom reads retry-after-ms, retry-after (seconds or date) and x-ratelimit-reset", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(retryAfterSecsFrom(new Headers({ "retry-after-ms": "1500" }), now)).toBe(2);
    expect(retryAfterSecsFrom(new Headers({ "retry-after": "Wed, 01 Jan 2025 00:00:30 GMT" }), now)).toBe(30);
    expect(retryAfterSecsFrom(new Headers({ "x-ratelimit-reset": "12" }), now)).toBe(12);
    expect(retryAfterSecsFrom(new Headers({ "x-ratelimit-reset": String(now / 1000 + 5) }), now)).toBe(5);
    expect(retryAfterSecsFrom(new Headers(), now)).toBeUndefined();
  });

  it("redactSecrets removes bearer tokens and KEY-shaped strings", () => {
    expect(redactSecrets(`Authorization: Bearer abc.def and ${API_KEY}`)).toBe(
      "Authorization: Bearer [redacted] and [redacted]",
    );
  });
});
