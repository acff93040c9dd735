/**
 * Which failures a client may learn about. An AppError carries a message written for users; a lost
 * database becomes UNAVAILABLE (503 + Retry-After, like the webhook inbox) so clients retry instead
 * of reading a 500. Anything else is internal: logged with the request id, answered generically.
 */
import { AppError } from "@app/telnyx-core/errors/app-error";

export const DATABASE_RETRY_AFTER_SECS = 5;

// Node socket errors, PostgreSQL's connection-exception class and shutdown codes, Prisma's
// "cannot reach / connection closed / pool timeout" codes, and the driver messages that carry no code.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[123])$/;
const DRIVER_MESSAGES =
  /Connection terminated|Connection ended|connection timeout|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|connect ECONNREFUSED|read ECONNRESET|Client has encountered a connection error|Cannot use a pool after calling end|PGlite is closed/i;

/** The error and its causes (bounded: a cause chain can be cyclic). */
function* causesOf(error: unknown): Generator<unknown> {
  let current = error;
  for (let i = 0; i < 8 && current !== undefined && current !== null; i += 1) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const cause of causesOf(error)) {
    const { code, message, kind } = cause as { code?: unknown; message?: unknown; kind?: unknown };
    if (
      typeof code === "string" &&
      (NETWORK_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATE_UNAVAILABLE.test(code))
    )
      return true;
    if (
      typeof kind === "string" &&
      /^(DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections)$/.test(kind)
    )
      return true;
    if (typeof message === "string" && DRIVER_MESSAGES.test(message)) return true;
  }
  return false;
}

/** The AppError a client may see for `error`, or undefined when the failure is internal. */
export function publicAppErrorOf(error: unknown): AppError | undefined {
  for (const cause of causesOf(error)) if (cause instanceof AppError) return cause;
  if (isDatabaseUnavailable(error)) {
    return new AppError("UNAVAILABLE", "The service is temporarily unavailable. Please retry in a few seconds.", {
      retryAfterSecs: DATABASE_RETRY_AFTER_SECS,
      cause: error,
    });
  }
  return undefined;
}
