/**
 * Reads the error shape the API sends ({ message, data: { code, httpStatus, appCode, fieldErrors } })
 * and turns it into sentences in the current language. Never shows a stack trace.
 */
import type { TFunction } from "i18next";
import { en } from "../i18n/en";

export interface AppErrorInfo {
  /** tRPC code, e.g. UNAUTHORIZED, BAD_REQUEST. */
  code?: string;
  httpStatus?: number;
  /** Domain code, e.g. INVALID_CREDENTIALS; translated through errors.<appCode>. */
  appCode?: string;
  /** Field name → message keys ("required", "invalid_phone", …). */
  fieldErrors?: Record<string, string[]>;
  message?: string;
  /** No API answer at all (offline, proxy down, not JSON). */
  isNetwork: boolean;
}

type ErrorKey = keyof typeof en.errors;
type ValidationKey = keyof typeof en.validation;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function readFieldErrors(value: unknown): Record<string, string[]> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) out[field] = messages.filter((m): m is string => typeof m === "string");
  }
  return out;
}

export function readAppError(error: unknown): AppErrorInfo {
  if (!isRecord(error)) return { isNetwork: false };
  const message = typeof error.message === "string" ? error.message : undefined;
  const data = error.data;
  if (!isRecord(data)) return { message, isNetwork: error.name === "TRPCClientError" };
  return {
    code: typeof data.code === "string" ? data.code : undefined,
    httpStatus: typeof data.httpStatus === "number" ? data.httpStatus : undefined,
    appCode: typeof data.appCode === "string" ? data.appCode : undefined,
    fieldErrors: readFieldErrors(data.fieldErrors),
    message,
    isNetwork: false,
  };
}

function isErrorKey(code: string): code is ErrorKey {
  return Object.hasOwn(en.errors, code);
}

function isValidationKey(key: string): key is ValidationKey {
  return Object.hasOwn(en.validation, key);
}

/** One sentence for a toast or an alert. */
export function translateError(t: TFunction, error: unknown): string {
  const info = readAppError(error);
  if (info.appCode && isErrorKey(info.appCode)) return t(`errors.${info.appCode}`);
  if (info.isNetwork) return t("errors.NETWORK");
  return info.message || t("errors.UNKNOWN");
}

/** Field errors with each message key translated; unknown keys keep the server's text. */
export function translateFieldErrors(t: TFunction, error: unknown): Record<string, string[]> {
  const fieldErrors = readAppError(error).fieldErrors ?? {};
  const out: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(fieldErrors)) {
    out[field] = keys.map((key) => (isValidationKey(key) ? t(`validation.${key}`) : key));
  }
  return out;
}

const CLIENT_ERROR_CODES = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "TOO_MANY_REQUESTS"]);
/** Server errors a retry cannot fix either: a setting is missing (ENCRYPTION_KEY_MISSING, 501). */
const NOT_RETRYABLE_CODES = new Set(["NOT_IMPLEMENTED"]);

/** Retrying cannot fix a 4xx nor a missing setting: only network and other server errors get two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const { code, httpStatus } = readAppError(error);
  if (code && (CLIENT_ERROR_CODES.has(code) || NOT_RETRYABLE_CODES.has(code))) return false;
  if (httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) return false;
  return failureCount < 2;
}

/** The session is gone (expired, revoked): the app must go back to /login. Wrong credentials are not that. */
export function isSessionLost(error: unknown): boolean {
  const { code, appCode } = readAppError(error);
  return code === "UNAUTHORIZED" && appCode !== "INVALID_CREDENTIALS";
}
