import { body, intParam, query, type RestRoute } from "../rest-route";

const listOf = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);
const stringOf = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

export const messageRestRoutes: RestRoute[] = [
  {
    method: "POST",
    path: "/api/telnyx/messages",
    procedure: "messages.send",
    summary: "Send an SMS/MMS: { to, from (+E.164 of one of your numbers, optional), text, lead_id?, media_urls? }",
    successStatus: 201,
    input: (r) => {
      const b = body(r);
      return {
        to: b.to,
        text: b.text,
        fromNumber: stringOf(b.from),
        leadId: stringOf(b.lead_id),
        mediaUrls: listOf(b.media_urls),
      };
    },
  },
  {
    method: "GET",
    path: "/api/telnyx/messages",
    procedure: "messages.list",
    summary: "List messages, newest first (?limit=50&cursor=&direction=INBOUND|OUTBOUND)",
    input: (r) => ({
      limit: intParam(query(r).limit),
      cursor: stringOf(query(r).cursor),
      direction: stringOf(query(r).direction),
    }),
  },
];
