/** Calls and messages for the dashboard tests: around local midnights, across a DST change, archived ones too. */
import type { TestApi } from "./harness";

const H = 3_600_000;

export interface StatsFixture {
  todayStart: Date;
  numberIds: [string, string];
}

/** The UTC instant of today's local midnight in `timeZone` (PostgreSQL's own time-zone rules). */
export async function localMidnight(api: TestApi, timeZone: string, daysAgo = 0): Promise<Date> {
  const [row] = await api.db.query<{ at: string }>(
    `SELECT to_char(((date_trunc('day', now() AT TIME ZONE $1) - make_interval(days => $2)) AT TIME ZONE $1) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at"`,
    [timeZone, daysAgo],
  );
  return new Date(row!.at);
}

export async function seedStatsFixture(api: TestApi): Promise<StatsFixture> {
  const p = api.db.prisma;
  const organizationId = api.demo.organization.id;
  const { agent1, agent2 } = api.demo.users;
  const lead = api.demo.leads[0]!;
  const todayStart = await localMidnight(api, "Europe/Paris");
  const monthsAgo = (n: number) => new Date(todayStart.getTime() - n * 31 * 24 * H);
  const n1 = await p.telnyxPhoneNumber.create({
    data: {
      organizationId,
      phoneNumber: "+33187650199",
      countryCode: "FR",
      status: "ACTIVE",
      features: ["voice", "sms"],
      assignedUserId: agent1.id,
      monthlyCost: "2.00",
      purchasedAt: monthsAgo(3),
    },
  });
  const n2 = await p.telnyxPhoneNumber.create({
    data: {
      organizationId,
      phoneNumber: "+13125550177",
      countryCode: "US",
      status: "RELEASED",
      features: ["voice", "sms"],
      monthlyCost: "5.00",
      purchasedAt: monthsAgo(6),
      releasedAt: monthsAgo(1),
    },
  });
  const base = { organizationId, fromNumber: "+33187650199", toNumber: lead.phoneNumber, leadId: lead.id };
  const at = (ms: number) => new Date(todayStart.getTime() + ms);
  const calls = [
    // Yesterday, one second before local midnight / today, one second after.
    {
      at: at(-1000),
      direction: "OUTBOUND",
      status: "ENDED",
      userId: agent1.id,
      phoneNumberId: n1.id,
      answered: 5,
      duration: 65,
      cost: "0.0100",
      mos: "4.10",
    },
    {
      at: at(1000),
      direction: "OUTBOUND",
      status: "ENDED",
      userId: agent1.id,
      phoneNumberId: n1.id,
      answered: 3,
      duration: 125,
      cost: "0.0150",
      mos: "4.30",
    },
    { at: at(2 * H), direction: "INBOUND", status: "NO_ANSWER", userId: null, phoneNumberId: n1.id, duration: 0 },
    {
      at: at(2 * H + 5),
      direction: "INBOUND",
      status: "ENDED",
      userId: agent2.id,
      phoneNumberId: n2.id,
      answered: 30,
      duration: 40,
      cost: "0.0040",
    },
    { at: at(3 * H), direction: "OUTBOUND", status: "BUSY", userId: agent2.id, phoneNumberId: n2.id, duration: 0 },
    {
      at: at(3 * H + 10),
      direction: "OUTBOUND",
      status: "BRIDGED",
      userId: agent2.id,
      phoneNumberId: n1.id,
      answered: 2,
    },
    {
      at: at(4 * H),
      direction: "INBOUND",
      status: "ENDED",
      userId: agent1.id,
      phoneNumberId: n1.id,
      answered: 8,
      duration: 300,
      cost: "0.0250",
      archived: true,
    },
    // Around the Paris DST change (2026-03-29: 23-hour day) and on a DST-free day (2026-02-10).
    {
      at: new Date("2026-03-28T22:59:59Z"),
      direction: "OUTBOUND",
      status: "ENDED",
      userId: agent1.id,
      phoneNumberId: n1.id,
      answered: 1,
      duration: 10,
      cost: "0.0050",
      archived: true,
    },
    {
      at: new Date("2026-03-28T23:00:01Z"),
      direction: "OUTBOUND",
      status: "ENDED",
      userId: agent1.id,
      phoneNumberId: n1.id,
      answered: 1,
      duration: 20,
      cost: "0.0060",
      archived: true,
    },
    {
      at: new Date("2026-03-29T21:59:59Z"),
      direction: "INBOUND",
      status: "CANCELED",
      userId: null,
      phoneNumberId: n2.id,
      duration: 0,
      archived: true,
    },
    {
      at: new Date("2026-03-29T22:00:01Z"),
      direction: "INBOUND",
      status: "ENDED",
      userId: agent2.id,
      phoneNumberId: n2.id,
      answered: 4,
      duration: 50,
      cost: "0.0070",
      mos: "3.90",
    },
    {
      at: new Date("2026-02-09T22:59:59Z"),
      direction: "OUTBOUND",
      status: "FAILED",
      userId: agent2.id,
      phoneNumberId: n2.id,
      duration: 0,
      archived: true,
    },
    {
      at: new Date("2026-02-09T23:00:01Z"),
      direction: "OUTBOUND",
      status: "ENDED",
      userId: agent2.id,
      phoneNumberId: n2.id,
      answered: 6,
      duration: 90,
      cost: "0.0110",
      archived: true,
    },
  ] as const;
  for (const c of calls) {
    const answeredAt = "answered" in c ? new Date(c.at.getTime() + c.answered * 1000) : null;
    await p.telnyxCall.create({
      data: {
        ...base,
        direction: c.direction,
        status: c.status,
        userId: c.userId,
        phoneNumberId: c.phoneNumberId,
        createdAt: c.at,
        startedAt: c.at,
        answeredAt,
        durationSecs: "duration" in c ? c.duration : null,
        cost: "cost" in c ? c.cost : null,
        mos: "mos" in c ? c.mos : null,
        archivedAt: "archived" in c ? new Date() : null,
        lastEventAt: c.at,
      },
    });
  }
  // A call that moves from ringing to ended (the update trigger), and one deleted (the delete trigger).
  const moving = await p.telnyxCall.create({
    data: {
      ...base,
      direction: "INBOUND",
      status: "RINGING",
      userId: agent1.id,
      phoneNumberId: n1.id,
      createdAt: at(5 * H),
      startedAt: at(5 * H),
    },
  });
  await p.telnyxCall.update({
    where: { id: moving.id },
    data: { status: "ENDED", answeredAt: at(5 * H + 25_000), durationSecs: 33, cost: "0.0030", userId: agent2.id },
  });
  const gone = await p.telnyxCall.create({
    data: {
      ...base,
      direction: "OUTBOUND",
      status: "ENDED",
      userId: agent1.id,
      createdAt: at(H),
      answeredAt: at(H),
      durationSecs: 9,
      cost: "0.0010",
    },
  });
  await p.telnyxCall.delete({ where: { id: gone.id } });

  const sms = [
    {
      at: at(-1000),
      direction: "OUTBOUND",
      status: "DELIVERED",
      userId: agent1.id,
      phoneNumberId: n1.id,
      cost: "0.0380",
    },
    {
      at: at(1000),
      direction: "OUTBOUND",
      status: "DELIVERED",
      userId: agent1.id,
      phoneNumberId: n1.id,
      cost: "0.0760",
    },
    {
      at: at(2000),
      direction: "OUTBOUND",
      status: "DELIVERY_FAILED",
      userId: agent2.id,
      phoneNumberId: n2.id,
      cost: "0.0075",
    },
    { at: at(3000), direction: "OUTBOUND", status: "QUEUED", userId: agent2.id, phoneNumberId: n2.id },
    { at: at(4000), direction: "INBOUND", status: "RECEIVED", userId: null, phoneNumberId: n1.id },
    {
      at: at(5000),
      direction: "OUTBOUND",
      status: "DELIVERED",
      userId: agent1.id,
      phoneNumberId: n1.id,
      cost: "0.0380",
      archived: true,
    },
    {
      at: new Date("2026-03-28T23:00:01Z"),
      direction: "OUTBOUND",
      status: "SENDING_FAILED",
      userId: agent1.id,
      phoneNumberId: n1.id,
    },
    {
      at: new Date("2026-02-09T22:59:59Z"),
      direction: "OUTBOUND",
      status: "DELIVERED",
      userId: agent2.id,
      phoneNumberId: n2.id,
      cost: "0.0075",
      archived: true,
    },
  ] as const;
  for (const m of sms) {
    await p.telnyxMessage.create({
      data: {
        organizationId,
        direction: m.direction,
        status: m.status,
        fromNumber: "+33187650199",
        toNumber: lead.phoneNumber,
        counterpartNumber: lead.phoneNumber,
        text: "Bonjour Élodie",
        leadId: lead.id,
        userId: m.userId,
        phoneNumberId: m.phoneNumberId,
        cost: "cost" in m ? m.cost : null,
        createdAt: m.at,
        archivedAt: "archived" in m ? new Date() : null,
      },
    });
  }
  return { todayStart, numberIds: [n1.id, n2.id] };
}
