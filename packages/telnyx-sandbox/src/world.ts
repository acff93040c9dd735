/**
 * The simulated Telnyx account behind the sandbox: applications, profiles, numbers, calls, messages, recordings and
 * the webhook dispatcher. Exposed in-process (`sandbox.world`) so the product's embedded mode can seed it.
 */
import { FaultRegistry } from "./http/faults.js";
import { Rng } from "./util/random.js";
import { Scheduler } from "./util/scheduler.js";
import { WebhookDispatcher, type WebhookTarget } from "./webhooks/dispatcher.js";
import type { WebhookSigner } from "./webhooks/signer.js";
import { AccountRegistry, type TelnyxAccount } from "./world/telnyx-accounts.js";
import {
  buildCallControlApp,
  buildCredentialConnection,
  buildMessagingProfile,
  type CallControlAppInput,
  type CredentialConnectionInput,
  type MessagingProfileInput,
} from "./world/accounts.js";
import { CallEngine } from "./world/calls.js";
import { CredentialStore } from "./world/credentials.js";
import { ConferenceEngine } from "./world/conferences.js";
import { Inventory, type ProvisionNumberInput } from "./world/inventory.js";
import { MessagingEngine } from "./world/messaging.js";
import { QueueEngine } from "./world/queues.js";
import { VertoGateway } from "./verto/verto-gateway.js";
import type {
  CallControlApp,
  CredentialConnection,
  DetailRecord,
  MessagingProfile,
  OwnedNumber,
  Recording,
} from "./world/types.js";

export type { CallControlAppInput, CredentialConnectionInput, MessagingProfileInput, ProvisionNumberInput };

export interface WorldOptions {
  signer: WebhookSigner;
  /** Only this Bearer key is accepted for the default account (see AccountRegistry). */
  apiKey?: string | undefined;
  timeScale: number;
  seed?: number | undefined;
  startingBalance?: string;
}

const DEFAULT_BALANCE_MICROS = 100_000_000;

export class World {
  origin = "http://127.0.0.1";
  readonly rng: Rng;
  readonly scheduler: Scheduler;
  readonly webhooks: WebhookDispatcher;
  readonly faults = new FaultRegistry();
  readonly accounts: AccountRegistry;
  /** Which account owns an application, connection or messaging profile (its webhooks are signed with that account's key). */
  private readonly owners = new Map<string, TelnyxAccount>();
  readonly apps = new Map<string, CallControlApp>();
  readonly credentialConnections = new Map<string, CredentialConnection>();
  readonly messagingProfiles = new Map<string, MessagingProfile>();
  readonly recordings = new Map<string, Recording>();
  /** What the sandbox heard during a recording of a browser leg (its WAV plays this instead of a tone). */
  readonly recordingAudio = new Map<string, Int16Array>();
  readonly detailRecords: DetailRecord[] = [];
  balanceMicros = DEFAULT_BALANCE_MICROS;
  readonly calls: CallEngine;
  readonly conferences: ConferenceEngine;
  readonly queues: QueueEngine;
  readonly messaging: MessagingEngine;
  readonly inventory: Inventory;
  /** On-demand telephony credentials and their login tokens. */
  readonly telephonyCredentials: CredentialStore;
  /** The WebRTC gateway (Verto over WebSocket) that `@telnyx/webrtc` clients log in to. */
  readonly verto: VertoGateway;

  constructor(private readonly options: WorldOptions) {
    this.rng = new Rng(options.seed);
    this.accounts = new AccountRegistry({ defaultSigner: options.signer, apiKey: options.apiKey });
    this.scheduler = new Scheduler(options.timeScale);
    this.webhooks = new WebhookDispatcher(options.signer, this.scheduler, this.rng);
    this.calls = new CallEngine(this);
    this.conferences = new ConferenceEngine(this);
    this.queues = new QueueEngine(this);
    this.messaging = new MessagingEngine(this);
    this.inventory = new Inventory(this);
    this.telephonyCredentials = new CredentialStore(this.rng);
    this.verto = new VertoGateway(this);
  }

  /** The default account's webhook public key. */
  get publicKey(): string {
    return this.options.signer.publicKey;
  }

  get timeScale(): number {
    return this.scheduler.timeScale;
  }

  setTimeScale(scale: number): void {
    this.scheduler.timeScale = Math.max(0, scale);
  }

  /** Seed used for deterministic number searches. */
  get seed(): number {
    return this.options.seed ?? 0;
  }

  createCallControlApplication(
    input: CallControlAppInput,
    owner: TelnyxAccount = this.accounts.defaultAccount,
  ): CallControlApp {
    const app = buildCallControlApp(this.rng, input, new Date().toISOString());
    this.apps.set(app.id, app);
    this.owners.set(app.id, owner);
    return app;
  }

  createMessagingProfile(
    input: MessagingProfileInput,
    owner: TelnyxAccount = this.accounts.defaultAccount,
  ): MessagingProfile {
    const profile = buildMessagingProfile(this.rng, input, new Date().toISOString());
    this.messagingProfiles.set(profile.id, profile);
    this.owners.set(profile.id, owner);
    return profile;
  }

  createCredentialConnection(
    input: CredentialConnectionInput,
    owner: TelnyxAccount = this.accounts.defaultAccount,
  ): CredentialConnection {
    const connection = buildCredentialConnection(this.rng, input, new Date().toISOString());
    this.credentialConnections.set(connection.id, connection);
    this.owners.set(connection.id, owner);
    return connection;
  }

  /** Whether this account owns the application, connection or profile (another account's answers 404, as unknown). */
  isOwnedBy(resourceId: string, account: TelnyxAccount): boolean {
    return this.ownerOf(resourceId).id === account.id;
  }

  /** Adds an already-bought, active number (embedded mode seeds the demo organization with these). */
  provisionNumber(input: ProvisionNumberInput): OwnedNumber {
    return this.inventory.provision(input);
  }

  findNumber(phoneNumber: string): OwnedNumber | undefined {
    return this.inventory.findActive(phoneNumber);
  }

  /** Where voice webhooks for a connection go (per-command override first). */
  voiceTarget(connectionId: string, overrideUrl?: string | null): WebhookTarget {
    const app = this.apps.get(connectionId);
    const cred = this.credentialConnections.get(connectionId);
    const conn = app ?? cred;
    return {
      url: overrideUrl || conn?.webhook_event_url || null,
      failoverUrl: conn?.webhook_event_failover_url ?? null,
      timeoutSecs: conn?.webhook_timeout_secs ?? null,
      signer: this.ownerOf(connectionId).signer,
    };
  }

  messagingTarget(
    profileId: string | null | undefined,
    overrideUrl?: string | null,
    overrideFailover?: string | null,
  ): WebhookTarget {
    const profile = profileId ? this.messagingProfiles.get(profileId) : undefined;
    return {
      url: overrideUrl || profile?.webhook_url || null,
      failoverUrl: overrideFailover || profile?.webhook_failover_url || null,
      signer: this.ownerOf(profileId ?? "").signer,
    };
  }

  /** Resources seeded in-process, or unknown, belong to the default account. */
  ownerOf(resourceId: string): TelnyxAccount {
    return this.owners.get(resourceId) ?? this.accounts.defaultAccount;
  }

  emit(
    stream: string,
    eventType: string,
    payload: Record<string, unknown>,
    target: WebhookTarget,
    occurredAt: string,
  ): void {
    this.webhooks.emitEvent(stream, eventType, payload, target, this.rng.uuid(), occurredAt);
  }

  charge(micros: number): void {
    this.balanceMicros -= micros;
  }

  /** Forgets everything except the key pair and time scale. */
  reset(): void {
    this.scheduler.cancelAll();
    this.webhooks.reset();
    this.faults.clear();
    this.apps.clear();
    this.owners.clear();
    this.credentialConnections.clear();
    this.telephonyCredentials.reset();
    this.messagingProfiles.clear();
    this.recordings.clear();
    this.recordingAudio.clear();
    this.detailRecords.length = 0;
    this.balanceMicros = DEFAULT_BALANCE_MICROS;
    this.verto.reset();
    this.calls.reset();
    this.conferences.reset();
    this.queues.reset();
    this.messaging.reset();
    this.inventory.reset();
  }

  close(): void {
    this.verto.close();
    this.scheduler.cancelAll();
  }
}
