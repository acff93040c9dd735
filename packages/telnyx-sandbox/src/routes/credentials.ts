import type { FastifyInstance, FastifyRequest } from "fastify";
import { invalidParam, missingParam, notFound, optionalString } from "../http/errors.js";
import { accountOf } from "../http/guards.js";
import { bodyOf, paramOf, queryOf } from "../http/helpers.js";
import { paginate, queryString } from "../http/query.js";
import type { World } from "../world.js";
import type { CredentialConnectionInput } from "../world/accounts.js";
import { connectionToWire, type TelephonyCredential } from "../world/credentials.js";
import type { CredentialConnection } from "../world/types.js";

const CONNECTION_FIELDS = [
  "connection_name",
  "user_name",
  "password",
  "active",
  "anchorsite_override",
  "sip_uri_calling_preference",
  "webhook_event_url",
  "webhook_event_failover_url",
  "webhook_api_version",
  "webhook_timeout_secs",
  "dtmf_type",
  "encrypted_media",
  "tags",
];

/**
 * /credential_connections (SIP and WebRTC connections authenticated by user name and password) and
 * /telephony_credentials (on-demand credentials on such a connection, and the JWT login tokens minted from them).
 * Both belong to the account whose key made them: another account's id is a 404.
 */
export function registerCredentialRoutes(app: FastifyInstance, world: World): void {
  const store = world.telephonyCredentials;
  const connectionOf = (request: FastifyRequest): CredentialConnection => {
    const id = paramOf(request, "id");
    const connection = world.credentialConnections.get(id);
    if (!connection || !world.isOwnedBy(id, accountOf(request, world))) throw notFound("credential connection", id);
    return connection;
  };
  const userNameTaken = (userName: string, except?: string) =>
    [...world.credentialConnections.values()].some((c) => c.user_name === userName && c.id !== except);

  app.get("/credential_connections", async (request) => {
    const query = queryOf(request);
    const account = accountOf(request, world);
    const name = queryString(query, "filter", "connection_name", "contains")?.toLowerCase();
    const items = [...world.credentialConnections.values()]
      .filter((c) => world.isOwnedBy(c.id, account))
      .filter((c) => !name || c.connection_name.toLowerCase().includes(name))
      .map((c) => connectionToWire(c, false));
    return paginate(items, query);
  });
  app.post("/credential_connections", async (request, reply) => {
    const body = bodyOf(request);
    store.checkConnectionFields(body, true, (userName) => userNameTaken(userName));
    const created = world.createCredentialConnection(
      pick(body, CONNECTION_FIELDS) as unknown as CredentialConnectionInput,
      accountOf(request, world),
    );
    return reply.status(201).send({ data: connectionToWire(created, true) });
  });
  app.get("/credential_connections/:id", async (request) => ({
    data: connectionToWire(connectionOf(request), false),
  }));
  app.patch("/credential_connections/:id", async (request) => {
    const connection = connectionOf(request);
    const body = bodyOf(request);
    store.checkConnectionFields(body, false, (userName) => userNameTaken(userName, connection.id));
    Object.assign(connection, pick(body, CONNECTION_FIELDS), { updated_at: new Date().toISOString() });
    return { data: connectionToWire(connection, body["password"] !== undefined) };
  });
  app.delete("/credential_connections/:id", async (request) => {
    const connection = connectionOf(request);
    world.credentialConnections.delete(connection.id);
    for (const credential of store.list(accountOf(request, world)))
      if (credential.resource_id === `connection:${connection.id}`) world.verto.revoke(credential.id);
    store.deleteForConnection(connection.id);
    return { data: connectionToWire(connection, false) };
  });

  const credentialOf = (request: FastifyRequest): TelephonyCredential =>
    store.require(paramOf(request, "id"), accountOf(request, world));
  /** connection_id must name one of the account's credential connections. */
  const checkConnectionId = (request: FastifyRequest, value: unknown): string => {
    if (typeof value !== "string" || value === "") throw invalidParam("connection_id", "'connection_id' is invalid.");
    if (!world.credentialConnections.has(value) || !world.isOwnedBy(value, accountOf(request, world)))
      throw invalidParam("connection_id", `'${value}' is not a credential connection of this account.`);
    return value;
  };

  app.get("/telephony_credentials", async (request) => {
    const query = queryOf(request);
    const filter = (field: string) => queryString(query, "filter", field);
    const status = filter("status");
    const items = store
      .list(accountOf(request, world))
      .filter((c) => !filter("tag") || c.tag === filter("tag"))
      .filter((c) => !filter("name") || c.name === filter("name"))
      .filter((c) => !filter("resource_id") || c.resource_id === filter("resource_id"))
      .filter((c) => !filter("sip_username") || c.sip_username === filter("sip_username"))
      .filter((c) => !status || (status === "expired") === c.expired);
    return paginate(items, query);
  });
  app.post("/telephony_credentials", async (request, reply) => {
    const body = bodyOf(request);
    if (body["connection_id"] === undefined || body["connection_id"] === "") throw missingParam("connection_id");
    const connectionId = checkConnectionId(request, body["connection_id"]);
    const credential = store.create(
      {
        connection_id: connectionId,
        name: optionalString(body, "name"),
        tag: optionalString(body, "tag"),
        expires_at: expiresAtOf(body),
      },
      accountOf(request, world),
    );
    return reply.status(201).send({ data: credential });
  });
  app.get("/telephony_credentials/:id", async (request) => ({ data: credentialOf(request) }));
  app.patch("/telephony_credentials/:id", async (request) => {
    const credential = credentialOf(request);
    if (credential.expired)
      throw invalidParam("expires_at", `Telephony credential '${credential.id}' has expired and cannot be updated.`);
    const body = bodyOf(request);
    const name = optionalString(body, "name");
    const tag = optionalString(body, "tag");
    const expiresAt = expiresAtOf(body);
    if (body["connection_id"] !== undefined)
      credential.resource_id = `connection:${checkConnectionId(request, body["connection_id"])}`;
    if (name !== undefined) credential.name = name;
    if (tag !== undefined) credential.tag = tag;
    if (expiresAt !== undefined) credential.expires_at = expiresAt;
    credential.updated_at = new Date().toISOString();
    return { data: credentialOf(request) };
  });
  app.delete("/telephony_credentials/:id", async (request) => {
    const credential = credentialOf(request);
    store.delete(credential);
    world.verto.revoke(credential.id);
    return { data: credential };
  });
  app.post("/telephony_credentials/:id/token", async (request, reply) => {
    const token = store.mintToken(credentialOf(request));
    return reply.status(201).type("text/plain; charset=utf-8").send(token);
  });
}

function expiresAtOf(body: Record<string, unknown>): string | undefined {
  const value = optionalString(body, "expires_at");
  if (value !== undefined && Number.isNaN(Date.parse(value)))
    throw invalidParam("expires_at", "'expires_at' must be an ISO-8601 date.");
  return value;
}

function pick(body: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => field in body).map((field) => [field, body[field]]));
}
