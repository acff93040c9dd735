import { describe, expect, it } from "vitest";
import type { Pages } from "./cache-merge";
import {
  applyOptOutToThread,
  getThreadKey,
  mergeMessageIntoThread,
  mergeMessageIntoThreads,
  type ThreadPage,
  type ThreadsPage,
} from "./message-cache";
import { makeMessage, minutes } from "./test-fixtures";

function thread(items: ThreadPage["items"], nextCursor: string | null = null): Pages<ThreadPage> {
  return {
    pages: [
      {
        items,
        nextCursor,
        optedOut: false,
        counterpartNumber: "+33612345678",
        leadId: "lead-1",
        leadName: "Élodie Bérard",
      },
    ],
    pageParams: [null],
  };
}

describe("mergeMessageIntoThread", () => {
  const first = makeMessage({ id: "m1", createdAt: minutes(1), updatedAt: minutes(1) });

  it("appends a new message at the bottom and moves its status forward only", () => {
    const sent = makeMessage({ id: "m2", createdAt: minutes(2), updatedAt: minutes(2), status: "SENT" });
    const data = mergeMessageIntoThread(thread([first]), sent);
    expect(data.pages[0]!.items.map((m) => m.id)).toEqual(["m1", "m2"]);
    const delivered = { ...sent, status: "DELIVERED" as const, updatedAt: minutes(3) };
    const after = mergeMessageIntoThread(data, delivered);
    expect(after.pages[0]!.items[1]!.status).toBe("DELIVERED");
    // "sent" delivered twice and late: ignored.
    expect(mergeMessageIntoThread(after, sent)).toBe(after);
  });

  it("slots a late-arriving message in time order", () => {
    const third = makeMessage({ id: "m3", createdAt: minutes(3), updatedAt: minutes(3) });
    const second = makeMessage({ id: "m2", createdAt: minutes(2), updatedAt: minutes(2) });
    const data = mergeMessageIntoThread(mergeMessageIntoThread(thread([first]), third), second);
    expect(data.pages[0]!.items.map((m) => m.id)).toEqual(["m1", "m2", "m3"]);
  });

  it("follows opt-out events for the thread's number only", () => {
    const data = thread([first]);
    expect(
      applyOptOutToThread(data, { phoneNumber: "+33612345678", optedOut: true, keyword: "STOP" }).pages[0]!.optedOut,
    ).toBe(true);
    expect(applyOptOutToThread(data, { phoneNumber: "+15550000000", optedOut: true, keyword: "STOP" })).toBe(data);
  });
});

describe("mergeMessageIntoThreads", () => {
  const elodie = makeMessage({ id: "m1", createdAt: minutes(1), updatedAt: minutes(1) });
  const unknown = makeMessage({
    id: "m9",
    leadId: null,
    leadName: null,
    counterpartNumber: "+14155550000",
    createdAt: minutes(5),
    updatedAt: minutes(5),
  });
  const list: Pages<ThreadsPage> = {
    pages: [
      {
        items: [
          {
            key: getThreadKey(unknown),
            leadId: null,
            leadName: null,
            counterpartNumber: "+14155550000",
            lastMessage: unknown,
            messageCount: 3,
          },
          {
            key: "lead-1",
            leadId: "lead-1",
            leadName: "Élodie Bérard",
            counterpartNumber: "+33612345678",
            lastMessage: elodie,
            messageCount: 2,
          },
        ],
        nextCursor: null,
      },
    ],
    pageParams: [null],
  };

  it("moves a thread to the top with the new message as preview, counted once", () => {
    const reply = makeMessage({
      id: "m2",
      direction: "INBOUND",
      status: "RECEIVED",
      text: "Oui !",
      createdAt: minutes(8),
      updatedAt: minutes(8),
    });
    const data = mergeMessageIntoThreads(list, reply, true);
    const top = data.pages[0]!.items[0]!;
    expect(top).toMatchObject({ key: "lead-1", messageCount: 3 });
    expect(top.lastMessage.text).toBe("Oui !");
    const again = mergeMessageIntoThreads(data, reply, true);
    expect(again.pages[0]!.items.map((t) => [t.key, t.messageCount])).toEqual([
      ["lead-1", 3],
      ["+14155550000", 3],
    ]);
  });

  it("creates a thread for a new number, except in a filtered list", () => {
    const other = makeMessage({
      id: "m3",
      leadId: null,
      leadName: null,
      counterpartNumber: "+33700000000",
      createdAt: minutes(9),
      updatedAt: minutes(9),
    });
    expect(mergeMessageIntoThreads(list, other, true).pages[0]!.items.map((t) => t.key)).toEqual([
      "+33700000000",
      "+14155550000",
      "lead-1",
    ]);
    expect(mergeMessageIntoThreads(list, other, false)).toBe(list);
  });
});
