/** Telnyx-shaped API errors: `{ errors: [{ code, title, detail, source: { pointer }, meta }] }` with string codes. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly pointer?: string,
  ) {
    super(detail);
  }

  toBody(): { errors: Array<Record<string, unknown>> } {
    return {
      errors: [
        {
          code: this.code,
          title: this.title,
          detail: this.detail,
          ...(this.pointer ? { source: { pointer: this.pointer } } : {}),
          meta: { url: `https://developers.telnyx.com/docs/overview/errors/${this.code}` },
        },
      ],
    };
  }
}

export function missingParam(field: string): ApiError {
  return new ApiError(422, "10004", "Missing required parameter", `The '${field}' parameter is required.`, `/${field}`);
}

export function invalidParam(field: string, detail: string): ApiError {
  return new ApiError(422, "10015", "Bad Request", detail, `/${field}`);
}

export function notFound(resource: string, id: string): ApiError {
  return new ApiError(404, "10005", "Resource not found", `The requested ${resource} '${id}' could not be found.`);
}

export function notE164(field: string, value: string): ApiError {
  return new ApiError(
    422,
    "10016",
    "Phone number must be in +E.164 format",
    `'${value}' is not a valid +E.164 phone number.`,
    `/${field}`,
  );
}

/**
 * A call_control_id Telnyx does not know (never issued, or its call ended more than ~10 minutes ago): 422 with
 * Telnyx's own title and detail (docs/telnyx-facts.md), for status reads and commands alike.
 */
export function invalidCallControlId(_ccid: string): ApiError {
  return new ApiError(
    422,
    "90015",
    "Invalid Call Control ID",
    "The call_control_id provided was not valid.",
    "/call_control_id",
  );
}

export function callEnded(ccid: string): ApiError {
  return new ApiError(
    422,
    "90018",
    "Call has already ended",
    `Call '${ccid}' has already ended and can no longer receive commands.`,
  );
}

export function badState(detail: string): ApiError {
  return new ApiError(422, "90019", "Invalid call state", detail);
}

export const E164 = /^\+[1-9]\d{6,14}$/;

export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null || value === "") throw missingParam(field);
  if (typeof value !== "string") throw invalidParam(field, `'${field}' must be a string.`);
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalidParam(field, `'${field}' must be a string.`);
  return value;
}
