/** The agent states the server holds (no imports: the layout chunk stays light). */
export type AgentLiveStatus = "AVAILABLE" | "ON_CALL" | "WRAP_UP" | "AWAY" | "OFFLINE";
