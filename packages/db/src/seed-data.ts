/** The demo and isolation-test organizations seeded by seed.ts (names, E.164 numbers, TELNYX.md §6 rates). */
import { RingStrategy, Role } from "./generated/prisma/client.js";

export interface UserSpec {
  key: string;
  email: string;
  name: string;
  role: Role;
  agentDevice?: string;
}
export interface LeadSpec {
  firstName: string;
  lastName: string;
  company?: string;
  email?: string;
  phoneNumber: string;
  owner?: string;
}
export interface OrgSpec {
  name: string;
  slug: string;
  timeZone: string;
  users: UserSpec[];
  leads: LeadSpec[];
  rates: boolean;
  /** Inbound queues; every member with the AGENT role joins them, in the users' order. */
  queues?: QueueSpec[];
}
export interface QueueSpec {
  name: string;
  strategy: RingStrategy;
  ringTimeoutSecs: number;
  maxWaitSecs: number;
}

/** The demo's inbound queue (issue 15): its numbers route to it (apps/api embedded-sandbox.ts). */
export const DEMO_QUEUE_NAME = "Sales";

export const demoOrg: OrgSpec = {
  name: "Acme Sales",
  slug: "acme",
  timeZone: "Europe/Paris",
  rates: true,
  queues: [{ name: DEMO_QUEUE_NAME, strategy: RingStrategy.ROUND_ROBIN, ringTimeoutSecs: 20, maxWaitSecs: 60 }],
  users: [
    { key: "admin", email: "admin@acme.test", name: "Alice Martin", role: Role.ADMIN, agentDevice: "+15550001000" },
    {
      key: "supervisor",
      email: "supervisor@acme.test",
      name: "Sophie Lefèvre",
      role: Role.SUPERVISOR,
      agentDevice: "+15550001003",
    },
    { key: "agent1", email: "agent1@acme.test", name: "Thomas Dubois", role: Role.AGENT, agentDevice: "+15550001001" },
    { key: "agent2", email: "agent2@acme.test", name: "Emma Wilson", role: Role.AGENT, agentDevice: "+15550001002" },
  ],
  leads: [
    {
      firstName: "Élodie",
      lastName: "Bérard",
      company: "Boulangerie Bérard",
      email: "elodie@berard.fr",
      phoneNumber: "+33612345678",
      owner: "agent1",
    },
    {
      firstName: "François",
      lastName: "Lemaître",
      company: "Lemaître & Fils",
      phoneNumber: "+33687654321",
      owner: "agent1",
    },
    {
      firstName: "Chloé",
      lastName: "Garnier",
      company: "Atelier Garnier",
      email: "chloe.garnier@example.fr",
      phoneNumber: "+33142685300",
    },
    { firstName: "Jérôme", lastName: "Faure", phoneNumber: "+33478123456", owner: "agent2" },
    {
      firstName: "John",
      lastName: "Miller",
      company: "Miller Logistics",
      email: "john@millerlogistics.com",
      phoneNumber: "+12125550142",
      owner: "agent1",
    },
    {
      firstName: "Sarah",
      lastName: "Johnson",
      company: "Brightside Dental",
      phoneNumber: "+14155550198",
      owner: "agent2",
    },
    {
      firstName: "Michael",
      lastName: "O'Connor",
      company: "O'Connor Roofing",
      email: "mike@oconnorroofing.com",
      phoneNumber: "+13125550117",
    },
    { firstName: "Maria", lastName: "García", company: "García Imports", phoneNumber: "+13055550163", owner: "agent2" },
    {
      firstName: "Oliver",
      lastName: "Smith",
      company: "Smith & Partners",
      email: "oliver@smithpartners.co.uk",
      phoneNumber: "+447700900123",
      owner: "agent1",
    },
    { firstName: "Amelia", lastName: "Hughes", phoneNumber: "+447700900456" },
    {
      firstName: "Siobhán",
      lastName: "Murphy",
      company: "Murphy Events",
      phoneNumber: "+442079460958",
      owner: "agent2",
    },
    {
      firstName: "Zoë",
      lastName: "Brontë",
      company: "Brontë Books",
      email: "zoe@brontebooks.co.uk",
      phoneNumber: "+441614960321",
    },
  ],
};

export const secondOrg: OrgSpec = {
  name: "Globex",
  slug: "globex",
  timeZone: "America/New_York",
  rates: false,
  users: [
    { key: "admin", email: "admin@globex.test", name: "Hank Scorpio", role: Role.ADMIN },
    { key: "agent", email: "agent@globex.test", name: "Frank Grimes", role: Role.AGENT, agentDevice: "+15550002001" },
  ],
  leads: [
    {
      firstName: "Homer",
      lastName: "Simpson",
      company: "Springfield Nuclear",
      phoneNumber: "+16175550101",
      owner: "agent",
    },
    { firstName: "Marge", lastName: "Bouvier", phoneNumber: "+16175550102" },
  ],
};

// TELNYX.md §6, USD.
export const rates: { countryCode: string; kind: string; amount: string }[] = [
  ...[
    ["US", "0.0035"],
    ["CA", "0.0035"],
    ["FR", "0.0050"],
    ["GB", "0.0045"],
  ].map(([countryCode, amount]) => ({ countryCode: countryCode!, kind: "voice_per_minute", amount: amount! })),
  ...[
    ["US", "0.0075"],
    ["CA", "0.0075"],
    ["FR", "0.0380"],
    ["GB", "0.0350"],
  ].map(([countryCode, amount]) => ({ countryCode: countryCode!, kind: "sms_per_part", amount: amount! })),
  { countryCode: "US", kind: "number_local_monthly", amount: "2.00" },
  { countryCode: "US", kind: "number_toll_free_monthly", amount: "5.00" },
];
