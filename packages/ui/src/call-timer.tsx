import { useEffect, useState, type HTMLAttributes } from "react";
import { formatDuration, getElapsedSecs } from "./duration";

export interface CallTimerProps extends HTMLAttributes<HTMLSpanElement> {
  /** When talking started (answeredAt); null shows 0:00 and does not tick. */
  since: Date | null;
  /** A finished call's duration: shown as is, no ticking. */
  durationSecs?: number | null;
}

/** Running m:ss counter from `since`, re-rendered once a second while mounted. */
export function CallTimer({ since, durationSecs, style, ...rest }: CallTimerProps) {
  const [now, setNow] = useState(() => new Date());
  const isRunning = since !== null && (durationSecs === undefined || durationSecs === null);

  useEffect(() => {
    if (!isRunning) return;
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, [isRunning]);

  const secs = isRunning && since ? getElapsedSecs(since, now) : (durationSecs ?? 0);
  return (
    <span role="timer" style={{ fontVariantNumeric: "tabular-nums", ...style }} {...rest}>
      {formatDuration(secs)}
    </span>
  );
}
