/**
 * The generated Prisma client, re-exported for the rest of the monorepo (import from
 * "@app/db/client", never from the generated folder, which is regenerated on install).
 */
export { PrismaClient, Prisma } from "./generated/prisma/client.js";
export {
  AgentStatus,
  CallStatus,
  ConnectionKind,
  Direction,
  MessageStatus,
  NumberStatus,
  OptOutSource,
  Role,
  SyncStatus,
  WebhookEventState,
} from "./generated/prisma/client.js";
export type {
  ApiToken,
  AuditLog,
  CallEvent,
  KioskToken,
  Lead,
  Membership,
  OptOut,
  Organization,
  Rate,
  Session,
  Setting,
  SyncRun,
  TelnyxCall,
  TelnyxConnection,
  TelnyxMessage,
  TelnyxPhoneNumber,
  User,
  WebhookEvent,
} from "./generated/prisma/client.js";
