import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { APP_ERROR_CODES } from "@app/telnyx-core/errors/app-error";
import { en } from "../i18n/en";
import { fr } from "../i18n/fr";
import { isSessionLost, readAppError, shouldRetry, translateError, translateFieldErrors } from "./app-error";

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: "fr", initAsync: false });
});

function apiError(data: Record<string, unknown>, message = "Server says no") {
  return Object.assign(new Error(message), { name: "TRPCClientError", data });
}

describe("translateError", () => {
  it("translates a known app code into the current language", () => {
    const error = apiError(
      { code: "UNAUTHORIZED", httpStatus: 401, appCode: "INVALID_CREDENTIALS" },
      "Wrong email or password.",
    );
    expect(translateError(i18n.t, error)).toBe("E-mail ou mot de passe incorrect.");
  });

  it("has a sentence in both languages for every code the API can answer", () => {
    for (const code of APP_ERROR_CODES) {
      expect(Object.hasOwn(en.errors, code), code).toBe(true);
      expect(Object.hasOwn(fr.errors, code), code).toBe(true);
    }
    const reused = apiError({ code: "UNPROCESSABLE_CONTENT", httpStatus: 422, appCode: "IDEMPOTENCY_KEY_REUSED" });
    expect(translateError(i18n.t, reused)).toBe(fr.errors.IDEMPOTENCY_KEY_REUSED);
  });

  it("falls back to the server message for an unknown app code", () => {
    const error = apiError({ code: "BAD_REQUEST", appCode: "SOMETHING_NEW" }, "A clear server sentence.");
    expect(translateError(i18n.t, error)).toBe("A clear server sentence.");
  });

  it("says which setting is missing instead of 'try again shortly' (APP_ENCRYPTION_KEY)", async () => {
    const error = apiError(
      { code: "NOT_IMPLEMENTED", httpStatus: 501, appCode: "ENCRYPTION_KEY_MISSING" },
      "Server sentence in English",
    );
    for (const language of ["fr", "en"]) {
      await i18n.changeLanguage(language);
      const text = translateError(i18n.t, error);
      expect(text).toContain("APP_ENCRYPTION_KEY");
      expect(text).not.toBe(translateError(i18n.t, apiError({ appCode: "UNAVAILABLE" })));
      expect(text).not.toBe("Server sentence in English");
    }
    await i18n.changeLanguage("fr");
    expect(translateError(i18n.t, error)).toMatch(/administrateur/);
    expect(shouldRetry(0, error)).toBe(false);
  });

  it("reports an unreachable server as a network problem", () => {
    const error = Object.assign(new Error("Failed to fetch"), { name: "TRPCClientError" });
    expect(translateError(i18n.t, error)).toBe(fr.errors.NETWORK);
  });
});

describe("translateFieldErrors", () => {
  it("translates message keys and keeps unknown messages", () => {
    const error = apiError({
      code: "BAD_REQUEST",
      appCode: "VALIDATION",
      fieldErrors: { phoneNumber: ["invalid_phone"], email: ["odd"] },
    });
    expect(translateFieldErrors(i18n.t, error)).toEqual({
      phoneNumber: [fr.validation.invalid_phone],
      email: ["odd"],
    });
  });
});

describe("retries and session", () => {
  it("never retries a 4xx and retries server errors twice", () => {
    expect(shouldRetry(0, apiError({ code: "NOT_FOUND", httpStatus: 404 }))).toBe(false);
    expect(shouldRetry(0, apiError({ code: "UNPROCESSABLE_CONTENT", httpStatus: 422 }))).toBe(false);
    expect(shouldRetry(0, apiError({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500 }))).toBe(true);
    expect(shouldRetry(2, apiError({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500 }))).toBe(false);
  });

  it("treats UNAUTHORIZED as a lost session except for wrong credentials", () => {
    expect(isSessionLost(apiError({ code: "UNAUTHORIZED", appCode: "UNAUTHORIZED" }))).toBe(true);
    expect(isSessionLost(apiError({ code: "UNAUTHORIZED", appCode: "INVALID_CREDENTIALS" }))).toBe(false);
    expect(readAppError("nope")).toEqual({ isNetwork: false });
  });
});
