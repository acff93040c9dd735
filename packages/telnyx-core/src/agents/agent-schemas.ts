import { z } from "zod";
import { ZAgentStateSchema, ZAgentStatusSchema } from "../realtime/events";

export const ZSetAgentStatusInputSchema = z.object({ status: z.enum(["AVAILABLE", "AWAY"]) });
export type TSetAgentStatusInput = z.infer<typeof ZSetAgentStatusInputSchema>;
/** The caller's own state as the server holds it (agents.getStatus, agents.setStatus). */
export const ZSetAgentStatusSchema = z.object({ status: ZAgentStatusSchema, since: z.date() });
export const ZAgentListSchema = z.array(ZAgentStateSchema);

export const MAX_WRAP_UP_SECS = 600;
export const ZWrapUpInputSchema = z.object({
  seconds: z.number().int().min(0, "too_small").max(MAX_WRAP_UP_SECS, "too_large"),
});
export const ZWrapUpSchema = z.object({ wrapUpSecs: z.number().int() });

/** A member as the colleague directory shows them (agents.colleagues). */
export const ZColleagueSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(["ADMIN", "SUPERVISOR", "AGENT"]),
  status: ZAgentStatusSchema,
  canTakeTransfer: z.boolean(),
  /** Why they cannot take a transfer: no phone or SIP address in their profile, or Offline. */
  blocker: z.enum(["NO_DEVICE", "OFFLINE"]).nullable(),
});
export type TColleague = z.infer<typeof ZColleagueSchema>;
export const ZColleagueListSchema = z.array(ZColleagueSchema);
