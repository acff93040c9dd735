import { useMemo, useRef } from "react";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import type { AgentOption } from "./calls-filters";

/**
 * Agents known from the calls seen so far. The API has no member directory yet, so the list grows
 * as calls load and never shrinks while filtering (the agent being filtered on stays selectable).
 */
export function useAgentOptions(calls: TCallDto[], excludeUserId?: string): AgentOption[] {
  const known = useRef(new Map<string, string>());
  return useMemo(() => {
    for (const call of calls) {
      if (call.userId && call.agentName) known.current.set(call.userId, call.agentName);
    }
    return [...known.current]
      .filter(([id]) => id !== excludeUserId)
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [calls, excludeUserId]);
}
