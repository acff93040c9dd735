/**
 * Sends one text to a list of leads, skipping (and reporting) numbers that opted out, at a
 * bounded rate.
 *   CRM_URL=… CRM_TOKEN=tcrm_… node --import tsx index.ts --text "Hello!" --search acme --rate 2
 *   … --ids lead1,lead2 [--from-number-id <id>] [--dry-run]
 */
import { parseArgs } from "node:util";
import { appErrorCodeOf, createTelnyxCrmClient, type RouterOutputs } from "@app/client";

type Lead = RouterOutputs["leads"]["get"];

const { values } = parseArgs({
  options: {
    text: { type: "string" },
    search: { type: "string" },
    ids: { type: "string" },
    rate: { type: "string", default: "1" },
    "from-number-id": { type: "string" },
    "dry-run": { type: "boolean", default: false },
  },
});
const token = process.env.CRM_TOKEN;
const rate = Number(values.rate);
if (!token || !values.text || (!values.search && !values.ids) || !(rate > 0)) {
  console.error(
    'Usage: CRM_URL=… CRM_TOKEN=… bulk-sms --text "…" (--search <query> | --ids <id,id>) [--rate <per second>] [--from-number-id <id>] [--dry-run]',
  );
  process.exit(2);
}

const crm = createTelnyxCrmClient({ url: process.env.CRM_URL ?? "http://localhost:4000", token });

async function leadsToText(): Promise<Lead[]> {
  if (values.ids) return Promise.all(values.ids.split(",").map((id) => crm.trpc.leads.get.query({ id: id.trim() })));
  const leads: Lead[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await crm.trpc.leads.list.query({ search: values.search, cursor, limit: 100 });
    leads.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return leads;
}

async function optedOutNumbers(): Promise<Set<string>> {
  const numbers = new Set<string>();
  let cursor: string | null | undefined;
  do {
    const page = await crm.trpc.messages.optOuts.query({ cursor, limit: 100 });
    for (const item of page.items) numbers.add(item.phoneNumber);
    cursor = page.nextCursor;
  } while (cursor);
  return numbers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const report = { sent: [] as string[], optedOut: [] as string[], failed: [] as string[] };

const [leads, optedOut] = await Promise.all([leadsToText(), optedOutNumbers()]);
console.log(
  `${leads.length} lead(s), ${optedOut.size} opted-out number(s) in the organization; sending at ${rate}/s${values["dry-run"] ? " (dry run)" : ""}`,
);

let lastSend = 0;
for (const lead of leads) {
  const label = `${lead.firstName} ${lead.lastName}`.trim() + ` <${lead.phoneNumber}>`;
  if (optedOut.has(lead.phoneNumber)) {
    report.optedOut.push(label);
    console.log(`skip  ${label}: opted out (replied STOP)`);
    continue;
  }
  if (values["dry-run"]) {
    report.sent.push(label);
    console.log(`would send to ${label}`);
    continue;
  }
  await sleep(Math.max(0, lastSend + 1000 / rate - Date.now()));
  lastSend = Date.now();
  try {
    const message = await crm.trpc.messages.send.mutate({
      to: lead.phoneNumber,
      text: values.text,
      leadId: lead.id,
      fromNumberId: values["from-number-id"],
    });
    report.sent.push(label);
    console.log(`sent  ${label}: ${message.status.toLowerCase()} (${message.parts} part(s))`);
  } catch (error) {
    const code = appErrorCodeOf(error);
    if (code === "OPTED_OUT") report.optedOut.push(label);
    else report.failed.push(label);
    console.log(`${code === "OPTED_OUT" ? "skip " : "fail "} ${label}: ${(error as Error).message}`);
  }
}

console.log(
  `\nsent ${report.sent.length}, skipped ${report.optedOut.length} opted out, failed ${report.failed.length}`,
);
for (const label of report.optedOut) console.log(`  opted out: ${label}`);
for (const label of report.failed) console.log(`  failed: ${label}`);
crm.close();
process.exit(report.failed.length ? 1 : 0);
