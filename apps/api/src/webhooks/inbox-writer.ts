/**
 * Writes verified webhooks into the inbox. The hot path: concurrent requests are grouped into
 * one multi-row INSERT (typed SQL, not Prisma's per-row cost) — while one batch is being written
 * the next one fills, so an idle server adds no delay and a busy one writes hundreds per query.
 * Each request is answered only once its row is durable.
 */
import type { Db } from "@app/db/open-db";

export interface InboxRow {
  id: string;
  /** The organization whose endpoint received it; null on the legacy shared endpoints. */
  organizationId: string | null;
  eventType: string;
  occurredAt: Date;
  /** The envelope exactly as received (JSON text). */
  body: string;
  state: "PENDING" | "IGNORED";
  error?: string;
}

export interface InboxWriter {
  /** Resolves `true` when the row is new, `false` when Telnyx's event id was already stored. */
  write(row: InboxRow): Promise<boolean>;
  /** Rows waiting to be written or being written: the processor yields while this is not 0. */
  backlog(): number;
}

const MAX_BATCH = 500;

interface Pending {
  row: InboxRow;
  resolve(isNew: boolean): void;
  reject(error: unknown): void;
}

export function createInboxWriter(db: Db, onWritten?: () => void): InboxWriter {
  let queue: Pending[] = [];
  let isFlushing = false;
  let inFlight = 0;

  async function flush(): Promise<void> {
    isFlushing = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      inFlight = batch.length;
      // Duplicates inside one batch: the first one inserts, the others are reported as known.
      const unique = new Map<string, Pending>();
      for (const item of batch) if (!unique.has(item.row.id)) unique.set(item.row.id, item);
      const rows = [...unique.values()].map((item) => item.row);
      try {
        const inserted = await insertRows(db, rows);
        for (const item of batch) item.resolve(unique.get(item.row.id) === item && inserted.has(item.row.id));
        if (inserted.size > 0) onWritten?.();
      } catch (error) {
        // One refused row must not fail the requests batched with it: write them one by one.
        if (rows.length === 1 || !isUnstorableRow(error)) for (const item of batch) item.reject(error);
        else await insertOneByOne(db, batch, unique, onWritten);
      }
      inFlight = 0;
    }
    isFlushing = false;
  }

  return {
    backlog: () => queue.length + inFlight,
    write(row) {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        if (!isFlushing) void flush();
      });
    },
  };
}

/** The database refused the row's values (SQLSTATE 22 data exception, 54 limit exceeded): retrying cannot help. */
export function isUnstorableRow(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("22") || code.startsWith("54"));
}

async function insertOneByOne(
  db: Db,
  batch: Pending[],
  unique: Map<string, Pending>,
  onWritten?: () => void,
): Promise<void> {
  for (const item of batch) {
    if (unique.get(item.row.id) !== item) continue;
    try {
      item.resolve((await insertRows(db, [item.row])).has(item.row.id));
    } catch (error) {
      item.reject(error);
    }
  }
  for (const item of batch) if (unique.get(item.row.id) !== item) item.resolve(false);
  onWritten?.();
}

async function insertRows(db: Db, rows: InboxRow[]): Promise<Set<string>> {
  const params: unknown[] = [];
  const values = rows.map((row) => {
    const base = params.length;
    params.push(row.id, row.eventType, row.occurredAt, row.state, row.body, row.error ?? null, row.organizationId);
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::"WebhookEventState", $${base + 5}::jsonb, $${base + 6}, now(), $${base + 7})`;
  });
  const result = await db.query<{ id: string }>(
    `INSERT INTO "WebhookEvent" ("id", "eventType", "occurredAt", "state", "payload", "error", "receivedAt", "organizationId")
     VALUES ${values.join(", ")}
     ON CONFLICT ("id") DO NOTHING
     RETURNING "id"`,
    params,
  );
  return new Set(result.map((row) => row.id));
}
