/** How a live message merges into thread, threads and opt-out data (pure). */
import type { TMessageDto, TOptOutEvent } from "@app/telnyx-core/realtime/events";
import { byDateAsc, byDateDesc, isSameOrNewer, upsertInList, type Pages } from "./cache-merge";

export interface ThreadSummary {
  key: string;
  leadId: string | null;
  leadName: string | null;
  counterpartNumber: string;
  lastMessage: TMessageDto;
  messageCount: number;
}

export interface ThreadsPage {
  items: ThreadSummary[];
  nextCursor: string | null;
}

export interface ThreadPage {
  items: TMessageDto[];
  nextCursor: string | null;
  optedOut: boolean;
  counterpartNumber: string;
  leadId: string | null;
  leadName: string | null;
}

export interface ThreadSelector {
  leadId?: string;
  counterpartNumber?: string;
}

const compareMessages = byDateAsc<TMessageDto>((message) => message.createdAt);
const compareThreadsByMessage = byDateDesc<TMessageDto>((message) => message.createdAt);
const compareThreads = (a: ThreadSummary, b: ThreadSummary) => compareThreadsByMessage(a.lastMessage, b.lastMessage);

/** A thread is the lead's when the message has a lead, else the counterpart number's. */
export function getThreadKey(message: Pick<TMessageDto, "leadId" | "counterpartNumber">): string {
  return message.leadId ?? message.counterpartNumber;
}

export function isMessageInThread(message: TMessageDto, selector: ThreadSelector): boolean {
  if (selector.leadId) return message.leadId === selector.leadId;
  return selector.counterpartNumber !== undefined && message.counterpartNumber === selector.counterpartNumber;
}

/**
 * Thread pages go back in time: page 0 holds the newest messages (oldest first inside a page).
 * A known message is replaced by a newer version; a new one joins page 0 unless it is older than
 * everything there while older pages exist (then paging back will bring it).
 */
export function mergeMessageIntoThread<P extends ThreadPage>(data: Pages<P>, message: TMessageDto): Pages<P> {
  const pageIndex = data.pages.findIndex((page) => page.items.some((item) => item.id === message.id));
  const target = pageIndex !== -1 ? pageIndex : 0;
  const page = data.pages[target];
  if (!page) return data;
  const first = page.items[0];
  if (pageIndex === -1 && first && page.nextCursor !== null && compareMessages(message, first) < 0) return data;
  const items = upsertInList(page.items, message, compareMessages);
  if (items === page.items) return data;
  return { ...data, pages: data.pages.map((p, i) => (i === target ? { ...p, items } : p)) };
}

export function applyOptOutToThread<P extends ThreadPage>(data: Pages<P>, event: TOptOutEvent): Pages<P> {
  if (!data.pages.some((page) => page.counterpartNumber === event.phoneNumber && page.optedOut !== event.optedOut))
    return data;
  return {
    ...data,
    pages: data.pages.map((page) =>
      page.counterpartNumber === event.phoneNumber ? { ...page, optedOut: event.optedOut } : page,
    ),
  };
}

function updateSummary(thread: ThreadSummary, message: TMessageDto): ThreadSummary {
  const last = thread.lastMessage;
  if (last.id === message.id) return isSameOrNewer(message, last) ? { ...thread, lastMessage: message } : thread;
  if (new Date(message.createdAt).getTime() < new Date(last.createdAt).getTime()) return thread;
  return {
    ...thread,
    lastMessage: message,
    messageCount: thread.messageCount + 1,
    leadName: message.leadName ?? thread.leadName,
  };
}

/**
 * threads list: the thread moves to the top with the message as its preview. An unknown thread is
 * added only to an unfiltered list (`canInsert`), since only the server knows what a search matches.
 */
export function mergeMessageIntoThreads<P extends ThreadsPage>(
  data: Pages<P>,
  message: TMessageDto,
  canInsert: boolean,
): Pages<P> {
  const key = getThreadKey(message);
  const pageIndex = data.pages.findIndex((page) => page.items.some((thread) => thread.key === key));
  if (pageIndex === -1) {
    const first = data.pages[0];
    if (!canInsert || !first) return data;
    const thread: ThreadSummary = {
      key,
      leadId: message.leadId,
      leadName: message.leadName,
      counterpartNumber: message.counterpartNumber,
      lastMessage: message,
      messageCount: 1,
    };
    const items = [thread, ...first.items].sort(compareThreads);
    return { ...data, pages: data.pages.map((p, i) => (i === 0 ? { ...p, items } : p)) };
  }
  const page = data.pages[pageIndex]!;
  const current = page.items.find((thread) => thread.key === key)!;
  const updated = updateSummary(current, message);
  if (updated === current) return data;
  const isMovingUp = updated.lastMessage.id !== current.lastMessage.id;
  // A thread with a new last message jumps to the top of the first page; otherwise it stays in place.
  const pages = data.pages.map((p, i) => {
    const rest = p.items.filter((thread) => thread.key !== key);
    if (isMovingUp && i === 0)
      return { ...p, items: [updated, ...(i === pageIndex ? rest : p.items)].sort(compareThreads) };
    if (i !== pageIndex) return p;
    return isMovingUp
      ? { ...p, items: rest }
      : { ...p, items: p.items.map((thread) => (thread.key === key ? updated : thread)) };
  });
  return { ...data, pages };
}
