import type { HTMLAttributes, ReactNode } from "react";
import { Badge, Tooltip } from "antd";

export type LiveState = "connected" | "reconnecting" | "offline";

export interface LiveIndicatorProps extends HTMLAttributes<HTMLSpanElement> {
  state: LiveState;
  /** Visible label for each state; the caller translates. */
  labels: Record<LiveState, string>;
  tooltip?: ReactNode;
}

function getBadgeStatus(state: LiveState): "success" | "warning" | "error" {
  switch (state) {
    case "connected":
      return "success";
    case "reconnecting":
      return "warning";
    case "offline":
      return "error";
  }
}

export function LiveIndicator({ state, labels, tooltip, ...rest }: LiveIndicatorProps) {
  return (
    <Tooltip title={tooltip}>
      <span data-state={state} role="status" aria-live="polite" {...rest}>
        <Badge status={getBadgeStatus(state)} text={labels[state]} />
      </span>
    </Tooltip>
  );
}
