/** The header's own-status cache key (no imports: the layout chunk stays light). */
export type AgentLiveStatus = "AVAILABLE" | "ON_CALL" | "AWAY" | "OFFLINE";

/** agents.setStatus results and the user's own agent:updated events land here. */
export const OWN_AGENT_STATUS_KEY = ["agent-status", "self"] as const;
