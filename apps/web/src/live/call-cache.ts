/** Which cached call lists a live call belongs to, and how it merges into them (pure). */
import { isLiveCallStatus } from "@app/telnyx-core/calls/call-state";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { byDateDesc, upsertInList, upsertInPages, type Page, type Pages } from "./cache-merge";

export interface Viewer {
  userId: string;
  role: "ADMIN" | "SUPERVISOR" | "AGENT";
}

/** The subset of calls.list input the screen can filter on. */
export interface CallListFilter {
  direction?: "INBOUND" | "OUTBOUND";
  status?: TCallDto["status"][];
  userId?: string;
  leadId?: string;
  phoneNumberId?: string;
  from?: Date;
  to?: Date;
}

export const compareCalls = byDateDesc<TCallDto>((call) => call.createdAt);

/** Agents only ever see their own calls; supervisors and admins the whole organization. */
export function canViewerSeeCall(call: TCallDto, viewer: Viewer): boolean {
  return viewer.role !== "AGENT" || call.userId === viewer.userId;
}

export function matchesCallFilter(call: TCallDto, filter: CallListFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.direction && call.direction !== filter.direction) return false;
  if (filter.status && filter.status.length > 0 && !filter.status.includes(call.status)) return false;
  if (filter.userId && call.userId !== filter.userId) return false;
  if (filter.leadId && call.leadId !== filter.leadId) return false;
  if (filter.phoneNumberId && call.phoneNumberId !== filter.phoneNumberId) return false;
  const at = new Date(call.startedAt ?? call.createdAt).getTime();
  if (filter.from && at < new Date(filter.from).getTime()) return false;
  if (filter.to && at > new Date(filter.to).getTime()) return false;
  return true;
}

/**
 * A queue's call that is not the agent's own (a voicemail, a missed call): agents see those of the queues they are
 * members of, which only the server knows. Such a call is updated where the list has it, never added from an event.
 */
export function isOthersQueueCall(call: TCallDto, viewer: Viewer): boolean {
  return viewer.role === "AGENT" && call.userId !== viewer.userId && Boolean(call.queueId);
}

export function mergeCallIntoPages<P extends Page<TCallDto>>(
  data: Pages<P>,
  call: TCallDto,
  filter: CallListFilter | undefined,
  viewer: Viewer,
): Pages<P> {
  if (isOthersQueueCall(call, viewer)) {
    const isListed = data.pages.some((page) => page.items.some((item) => item.id === call.id));
    return isListed ? upsertInPages(data, call, compareCalls, matchesCallFilter(call, filter)) : data;
  }
  return upsertInPages(data, call, compareCalls, canViewerSeeCall(call, viewer) && matchesCallFilter(call, filter));
}

/** Ids of calls known to have ended, with the version that said so. */
export type EndedCalls = Map<string, Date>;

/**
 * calls.active: live calls only; an ended call leaves the list. `ended` remembers calls that left,
 * so a late live version (a slow mutation response, a replayed event) cannot bring one back.
 */
export function mergeActiveCall(
  calls: TCallDto[],
  call: TCallDto,
  viewer: Viewer,
  ended: EndedCalls = new Map(),
): TCallDto[] {
  const isLive = isLiveCallStatus(call.status);
  const endedAt = ended.get(call.id);
  if (!isLive && (!endedAt || endedAt < call.updatedAt)) ended.set(call.id, new Date(call.updatedAt));
  const isStale = isLive && endedAt !== undefined && new Date(endedAt) >= new Date(call.updatedAt);
  return upsertInList(calls, call, compareCalls, canViewerSeeCall(call, viewer) && isLive && !isStale);
}
