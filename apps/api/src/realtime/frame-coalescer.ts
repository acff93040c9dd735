/**
 * Coalesced delivery, the server's side (the client's: telnyx-core realtime/frames.ts). Writing one
 * WebSocket frame costs a socket about as much as its payload, so events are held for a short window
 * (≤ 10 ms) and each room gets one `batch` packet per window instead of one packet per event.
 *
 * Order: every socket must receive its events in the order they were emitted, also a socket in
 * several rooms (an agent's `agents` and own room, a member's user room). The window is a list of
 * segments (room, events) flushed in order; an event joins its room's last segment only while no
 * later segment is for a room that may share a socket with it (`mayShareSocket`), otherwise it opens
 * a new segment at the end. A socket thus gets one frame per segment of its rooms, never reordered.
 */
import type { BatchItem } from "@app/telnyx-core/realtime/frames";

export const DEFAULT_FRAME_WINDOW_MS = 10;

export interface FrameCoalescerOptions<L extends { room: string }> {
  windowMs: number;
  /** Whether one socket may be in both lanes' rooms (when unsure: true). */
  mayShareSocket(a: L, b: L): boolean;
  send(lane: L, items: BatchItem[]): void;
}

export interface FrameCoalescer<L> {
  add(lane: L, item: BatchItem): void;
  /** Sends what the window holds now (the timer does it otherwise; shutdown must). */
  flush(): void;
}

interface Segment<L> {
  lane: L;
  items: BatchItem[];
}

export function createFrameCoalescer<L extends { room: string }>(options: FrameCoalescerOptions<L>): FrameCoalescer<L> {
  let segments: Segment<L>[] = [];
  // Segments an event of their room may still join: no later segment may share a socket with them.
  const open = new Map<string, Segment<L>>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const flushing = segments;
    segments = [];
    open.clear();
    for (const segment of flushing) options.send(segment.lane, segment.items);
  };

  return {
    add(lane, item) {
      const joinable = open.get(lane.room);
      if (joinable) {
        joinable.items.push(item);
        return;
      }
      for (const [room, segment] of open) if (options.mayShareSocket(segment.lane, lane)) open.delete(room);
      const segment = { lane, items: [item] };
      segments.push(segment);
      open.set(lane.room, segment);
      timer ??= setTimeout(flush, options.windowMs);
    },
    flush,
  };
}
