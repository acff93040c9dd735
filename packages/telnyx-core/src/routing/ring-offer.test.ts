import { describe, expect, it } from "vitest";
import { nextOffer, type OfferMember } from "./ring-offer";

const member = (userId: string, isAvailable = true, idleSince: Date | null = null): OfferMember => ({
  userId,
  isAvailable,
  idleSince,
});

describe("nextOffer", () => {
  it("round robin: rings one member at a time, in turn from the queue's cursor", () => {
    const members = [member("a"), member("b"), member("c")];
    const first = nextOffer({ strategy: "ROUND_ROBIN", members, lastOfferedUserId: "a", tried: [], declined: [] });
    expect(first.ringUserIds).toEqual(["b"]);
    const second = nextOffer({
      strategy: "ROUND_ROBIN",
      members,
      lastOfferedUserId: "b",
      tried: first.tried,
      declined: [],
    });
    expect(second.ringUserIds).toEqual(["c"]);
    const third = nextOffer({
      strategy: "ROUND_ROBIN",
      members,
      lastOfferedUserId: "c",
      tried: second.tried,
      declined: [],
    });
    expect(third.ringUserIds).toEqual(["a"]);
  });

  it("skips who declined for good and who is not available; starts a new round when all were tried", () => {
    const members = [member("a"), member("b"), member("c", false)];
    const offer = nextOffer({
      strategy: "ROUND_ROBIN",
      members,
      lastOfferedUserId: "a",
      tried: ["a"],
      declined: ["b"],
    });
    expect(offer).toEqual({ ringUserIds: ["a"], tried: ["a"], lastOfferedUserId: "a" });
    const none = nextOffer({
      strategy: "ROUND_ROBIN",
      members,
      lastOfferedUserId: "a",
      tried: [],
      declined: ["a", "b"],
    });
    expect(none.ringUserIds).toEqual([]);
  });

  it("all: rings every available member who did not decline", () => {
    const members = [member("a"), member("b"), member("c", false)];
    expect(
      nextOffer({ strategy: "ALL", members, lastOfferedUserId: null, tried: [], declined: ["b"] }).ringUserIds,
    ).toEqual(["a"]);
  });

  it("longest idle: the member whose last call ended first (never called first)", () => {
    const members = [member("a", true, new Date(2000)), member("b", true, new Date(1000)), member("c", true, null)];
    const first = nextOffer({ strategy: "LONGEST_IDLE", members, lastOfferedUserId: null, tried: [], declined: [] });
    expect(first.ringUserIds).toEqual(["c"]);
    const next = nextOffer({
      strategy: "LONGEST_IDLE",
      members,
      lastOfferedUserId: "c",
      tried: first.tried,
      declined: [],
    });
    expect(next.ringUserIds).toEqual(["b"]);
  });
});
