/** Injected API faults (POST /sandbox/faults) and the request log used to observe client retries. */
export type FaultKind = "429" | "500" | "503" | "slow" | "timeout";

export interface Fault {
  id: number;
  path: string;
  method: string | null;
  kind: FaultKind;
  remaining: number | null;
  retry_after: number;
  delay_ms: number;
  hits: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  fault: FaultKind | null;
  at: string;
}

const MAX_REQUEST_LOG = 2000;

export class FaultRegistry {
  readonly faults: Fault[] = [];
  readonly requests: RequestLogEntry[] = [];
  private nextId = 1;

  add(input: {
    path: string;
    method?: string | null;
    kind: FaultKind;
    count?: number | null;
    retry_after?: number;
    delay_ms?: number;
  }): Fault {
    const fault: Fault = {
      id: this.nextId++,
      path: input.path,
      method: input.method ? input.method.toUpperCase() : null,
      kind: input.kind,
      remaining: input.count === null ? null : (input.count ?? 1),
      retry_after: input.retry_after ?? 1,
      delay_ms: input.delay_ms ?? (input.kind === "timeout" ? 65_000 : 3000),
      hits: 0,
    };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults.length = 0;
    this.requests.length = 0;
  }

  /** Finds (and consumes one use of) the first fault matching this request; paths may use `*` wildcards. */
  take(method: string, path: string): Fault | undefined {
    const bare = path.replace(/^\/v2/, "");
    const fault = this.faults.find(
      (f) => (!f.method || f.method === method) && (globMatch(f.path, bare) || globMatch(f.path, path)),
    );
    if (!fault) return undefined;
    fault.hits++;
    if (fault.remaining !== null) {
      fault.remaining--;
      if (fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    }
    return fault;
  }

  logRequest(entry: RequestLogEntry): void {
    this.requests.push(entry);
    if (this.requests.length > MAX_REQUEST_LOG) this.requests.splice(0, this.requests.length - MAX_REQUEST_LOG);
  }
}

function globMatch(pattern: string, path: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join("[^?]*")}$`,
  );
  return regex.test(path);
}
