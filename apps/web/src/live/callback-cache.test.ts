import type { TCallback } from "@app/telnyx-core/routing/routing-schemas";
import { describe, expect, it } from "vitest";
import { type CallbackPages, mergeCallbackIntoPages } from "./callback-cache";

const supervisor = { userId: "sup", role: "SUPERVISOR" as const };
const agent = { userId: "a1", role: "AGENT" as const };

function callback(id: string, minute: number, patch: Partial<TCallback> = {}): TCallback {
  return {
    id,
    callId: `call-${id}`,
    reason: "VOICEMAIL",
    fromNumber: "+33612345678",
    leadId: null,
    leadName: null,
    queueId: "q1",
    queueName: "Sales",
    recordingUrl: null,
    assigneeUserId: null,
    assigneeName: null,
    createdAt: new Date(Date.UTC(2026, 11, 7, 10, minute)),
    doneAt: null,
    ...patch,
  };
}

const pagesOf = (...items: TCallback[]): CallbackPages => ({
  pages: [{ items, nextCursor: null }],
  pageParams: [null],
});
const ids = (data: CallbackPages) => data.pages.flatMap((page) => page.items.map((item) => item.id));

describe("callback:changed into the cached lists", () => {
  it("puts a new callback first in a supervisor's open list", () => {
    const { data, needsRefetch } = mergeCallbackIntoPages(pagesOf(callback("b", 5)), callback("c", 9), {}, supervisor);
    expect(ids(data)).toEqual(["c", "b"]);
    expect(needsRefetch).toBe(false);
  });

  it("asks the server for an agent's list (queue membership decides whether they see it)", () => {
    const before = pagesOf(callback("b", 5));
    const { data, needsRefetch } = mergeCallbackIntoPages(before, callback("c", 9), { status: "OPEN" }, agent);
    expect(data).toBe(before);
    expect(needsRefetch).toBe(true);
  });

  it("moves a callback marked done out of the open list and ignores a late open version", () => {
    const open = callback("b", 5);
    const done = { ...open, doneAt: new Date(), assigneeUserId: "a1", assigneeName: "Ann" };
    const openList = mergeCallbackIntoPages(pagesOf(open), done, { status: "OPEN" }, agent).data;
    expect(ids(openList)).toEqual([]);
    const doneList = mergeCallbackIntoPages(pagesOf(done), open, { status: "DONE" }, agent).data;
    expect(doneList.pages[0]!.items[0]!.doneAt).not.toBeNull();
  });

  it("keeps “mine” to the viewer's callbacks", () => {
    const mine = mergeCallbackIntoPages(
      pagesOf(callback("b", 5, { assigneeUserId: "a1" })),
      callback("b", 5, { assigneeUserId: "a2" }),
      { mine: true },
      agent,
    );
    expect(ids(mine.data)).toEqual([]);
    const assigned = mergeCallbackIntoPages(
      pagesOf(callback("b", 5)),
      callback("b", 5, { assigneeUserId: "a1", assigneeName: "Ann" }),
      {},
      agent,
    );
    expect(assigned.data.pages[0]!.items[0]!.assigneeName).toBe("Ann");
  });
});
