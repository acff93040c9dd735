import { body, intParam, params, query, type RestRoute } from "../rest-route";

export const callRestRoutes: RestRoute[] = [
  {
    method: "POST",
    path: "/api/telnyx/calls",
    procedure: "calls.create",
    summary:
      "Start a click-to-call: rings the agent's device, then the customer (from = an E.164 number of the organization)",
    successStatus: 201,
    input: (r) => {
      const { to, from, lead_id, record, fromNumberId, leadId } = body(r);
      return { to, fromNumber: from, fromNumberId, leadId: lead_id ?? leadId, record };
    },
  },
  {
    method: "GET",
    path: "/api/telnyx/calls",
    procedure: "calls.list",
    summary: "List calls, newest first (cursor pagination)",
    input: (r) => ({ cursor: query(r).cursor, limit: intParam(query(r).limit) }),
  },
  {
    method: "GET",
    path: "/api/telnyx/calls/:callId",
    procedure: "calls.get",
    summary: "One call with its timeline (follow a call)",
    input: (r) => ({ id: params(r).callId }),
  },
  {
    method: "POST",
    path: "/api/telnyx/calls/:callId/hangup",
    procedure: "calls.hangup",
    summary: "Hang up a call",
    input: (r) => ({ id: params(r).callId }),
  },
  {
    method: "POST",
    path: "/api/telnyx/calls/:callId/mute",
    procedure: "calls.mute",
    summary: "Mute the agent",
    input: (r) => ({ id: params(r).callId }),
  },
  {
    method: "POST",
    path: "/api/telnyx/calls/:callId/unmute",
    procedure: "calls.unmute",
    summary: "Unmute the agent",
    input: (r) => ({ id: params(r).callId }),
  },
];
