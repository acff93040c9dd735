import { z } from "zod";
import { ZAgentStateSchema, ZAgentStatusSchema } from "../realtime/events";

export const ZSetAgentStatusInputSchema = z.object({ status: z.enum(["AVAILABLE", "AWAY"]) });
export type TSetAgentStatusInput = z.infer<typeof ZSetAgentStatusInputSchema>;
export const ZSetAgentStatusSchema = z.object({ status: ZAgentStatusSchema, since: z.date() });
export const ZAgentListSchema = z.array(ZAgentStateSchema);
