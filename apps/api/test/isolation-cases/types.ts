import type { TestApi } from "../harness";

/** Records of organization A that a case can aim at (organization B must reach none of them). */
export interface IsolationTarget {
  organizationId: string;
  leadId: string;
  userId: string;
  /** Ids of organization A's records that domains seed (calls, messages, numbers...); all count as secrets. */
  extra: Record<string, string>;
}

export interface IsolationCase {
  input: (a: IsolationTarget) => unknown;
  /**
   * The procedure reaches Telnyx for any caller before it could answer (nothing of A is read first). This suite
   * runs without Telnyx, so it must then fail with TELNYX_AUTH (502) — never a 500 — and its own suite proves the
   * answer against the sandbox.
   */
  needsTelnyx?: true;
}
export type IsolationCases = Record<string, IsolationCase>;

/** One per domain: the records it seeds in organization A, and a case per procedure. */
export interface IsolationDomain {
  seed?: (api: TestApi, target: IsolationTarget) => Promise<void>;
  cases: IsolationCases;
}
