/**
 * Credential connections and on-demand telephony credentials, per Telnyx account, and the JWT login tokens minted
 * from a credential (docs/telnyx-facts.md, "Credential connections and telephony credentials"). A token is valid
 * for 24 h or until its credential expires or is deleted, whichever comes first.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ApiError, invalidParam, missingParam, notFound } from "../http/errors.js";
import type { Rng } from "../util/random.js";
import type { TelnyxAccount } from "./telnyx-accounts.js";
import type { CredentialConnection } from "./types.js";

export const TOKEN_TTL_SECS = 24 * 3600;
const USER_NAME = /^[A-Za-z0-9]{4,32}$/;
const GENCRED_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export interface TelephonyCredential {
  id: string;
  record_type: "credential";
  name: string;
  tag: string | null;
  expired: boolean;
  expires_at: string | null;
  user_id: string;
  resource_id: string;
  sip_username: string;
  sip_password: string;
  created_at: string;
  updated_at: string;
}

export interface TelephonyCredentialInput {
  connection_id: string;
  name?: string;
  tag?: string;
  expires_at?: string;
  /** Restoring a credential the product already holds (embedded mode rebuilds the world at start). */
  id?: string;
  sip_username?: string;
}

/** What a valid login token names: the credential (and its connection) a WebRTC client registers as. */
export interface LoginIdentity {
  credential: TelephonyCredential;
  connectionId: string;
  accountId: string;
  expiresAt: Date;
}

export class CredentialStore {
  readonly credentials = new Map<string, TelephonyCredential>();
  private readonly ownerOfCredential = new Map<string, string>();
  // Tokens are signed with a per-process secret: a sandbox restart invalidates them, as a key rotation would.
  private readonly tokenSecret = randomBytes(32);

  constructor(private readonly rng: Rng) {}

  /** Telnyx's rules for a credential connection's SIP user name and password (create and update). */
  checkConnectionFields(body: Record<string, unknown>, isCreate: boolean, taken: (userName: string) => boolean): void {
    if (isCreate) for (const field of ["connection_name", "user_name", "password"]) requirePresent(body, field);
    const userName = body["user_name"];
    if (userName !== undefined) {
      if (typeof userName !== "string" || !USER_NAME.test(userName) || !/[A-Za-z]/.test(userName.slice(0, 5)))
        throw invalidParam(
          "user_name",
          "'user_name' must be 4-32 letters or digits, with a letter among its first 5 characters.",
        );
      if (taken(userName))
        throw invalidParam("user_name", `The user name '${userName}' is already in use. Choose another one.`);
    }
    const password = body["password"];
    if (password !== undefined && (typeof password !== "string" || password.length < 8 || password.length > 128))
      throw invalidParam("password", "'password' must be 8 to 128 characters long.");
    const name = body["connection_name"];
    if (name !== undefined && (typeof name !== "string" || name.trim() === ""))
      throw invalidParam("connection_name", "'connection_name' must be a non-empty string.");
    const preference = body["sip_uri_calling_preference"];
    if (preference !== undefined && !["disabled", "unrestricted", "internal"].includes(String(preference)))
      throw invalidParam(
        "sip_uri_calling_preference",
        "'sip_uri_calling_preference' must be disabled, unrestricted or internal.",
      );
    for (const field of ["webhook_event_url", "webhook_event_failover_url"]) {
      const v = body[field];
      if (typeof v === "string" && v !== "" && !/^https?:\/\//.test(v))
        throw invalidParam(field, `'${field}' must be an http(s) URL.`);
    }
  }

  create(input: TelephonyCredentialInput, account: TelnyxAccount): TelephonyCredential {
    const now = new Date();
    const credential: TelephonyCredential = {
      id: input.id ?? this.rng.uuid(),
      record_type: "credential",
      name:
        input.name ??
        now
          .toISOString()
          .replace("T", " ")
          .replace(/\.(\d{3})Z$/, ".$1000Z"),
      tag: input.tag ?? null,
      expired: false,
      expires_at: input.expires_at ?? null,
      user_id: account.id,
      resource_id: `connection:${input.connection_id}`,
      sip_username: input.sip_username ?? `gencred${this.randomAlnum(22)}`,
      sip_password: this.rng.hex(32),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    this.credentials.set(credential.id, credential);
    this.ownerOfCredential.set(credential.id, account.id);
    return credential;
  }

  /** The account's credential, with `expired` brought up to date; another account's is a 404, as an unknown id. */
  require(id: string, account: TelnyxAccount): TelephonyCredential {
    const credential = this.credentials.get(id);
    if (!credential || this.ownerOfCredential.get(id) !== account.id) throw notFound("telephony credential", id);
    return refreshExpired(credential);
  }

  list(account: TelnyxAccount): TelephonyCredential[] {
    return [...this.credentials.values()]
      .filter((c) => this.ownerOfCredential.get(c.id) === account.id)
      .map(refreshExpired);
  }

  delete(credential: TelephonyCredential): void {
    this.credentials.delete(credential.id);
    this.ownerOfCredential.delete(credential.id);
  }

  /** Deleting a credential connection takes its on-demand credentials with it. */
  deleteForConnection(connectionId: string): void {
    for (const credential of [...this.credentials.values()])
      if (credential.resource_id === `connection:${connectionId}`) this.delete(credential);
  }

  /** A JWT (HS512) in the shape Telnyx's tokens have: aud/iss telnyx_telephony, typ access, an opaque tel_token. */
  mintToken(credential: TelephonyCredential, nowMs = Date.now()): string {
    if (credential.expired)
      throw new ApiError(
        422,
        "10015",
        "Bad Request",
        `Telephony credential '${credential.id}' has expired: no token can be created for it.`,
      );
    const iat = Math.floor(nowMs / 1000);
    const credentialExp = credential.expires_at ? Math.floor(Date.parse(credential.expires_at) / 1000) : Infinity;
    const payload = {
      aud: "telnyx_telephony",
      exp: Math.min(iat + TOKEN_TTL_SECS, credentialExp),
      iat,
      iss: "telnyx_telephony",
      jti: this.rng.uuid(),
      nbf: iat - 1,
      sub: credential.id,
      tel_token: randomBytes(48).toString("base64url"),
      typ: "access",
    };
    const head = base64url(JSON.stringify({ alg: "HS512", typ: "JWT" }));
    const body = base64url(JSON.stringify(payload));
    return `${head}.${body}.${this.sign(`${head}.${body}`)}`;
  }

  /** The identity a login token stands for, or null (bad signature, expired, credential deleted or expired). */
  verifyToken(token: string, nowMs = Date.now()): LoginIdentity | null {
    const [head, body, signature] = token.split(".");
    if (!head || !body || !signature) return null;
    const expected = Buffer.from(this.sign(`${head}.${body}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let claims: { exp?: number; nbf?: number; sub?: string };
    try {
      claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    } catch {
      return null;
    }
    const now = nowMs / 1000;
    if (typeof claims.exp !== "number" || claims.exp <= now || (claims.nbf ?? 0) > now) return null;
    const credential = claims.sub ? this.credentials.get(claims.sub) : undefined;
    if (!credential || refreshExpired(credential).expired) return null;
    return {
      credential,
      connectionId: credential.resource_id.replace(/^connection:/, ""),
      accountId: this.ownerOfCredential.get(credential.id) ?? "",
      expiresAt: new Date(claims.exp * 1000),
    };
  }

  reset(): void {
    this.credentials.clear();
    this.ownerOfCredential.clear();
  }

  private sign(data: string): string {
    return createHmac("sha512", this.tokenSecret).update(data).digest("base64url");
  }

  private randomAlnum(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += GENCRED_ALPHABET[this.rng.int(0, GENCRED_ALPHABET.length - 1)];
    return out;
  }
}

function refreshExpired(credential: TelephonyCredential): TelephonyCredential {
  if (!credential.expired && credential.expires_at && Date.parse(credential.expires_at) <= Date.now())
    credential.expired = true;
  return credential;
}

function requirePresent(body: Record<string, unknown>, field: string): void {
  if (body[field] === undefined || body[field] === null || body[field] === "") throw missingParam(field);
}

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** A credential connection as Telnyx answers it: the password in full only when the request set it. */
export function connectionToWire(connection: CredentialConnection, showPassword: boolean): CredentialConnection {
  return { ...connection, password: showPassword ? connection.password : "********" };
}
