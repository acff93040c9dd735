import { NOT_OURS, type EventApplier } from "../webhooks/apply-types";

// Placeholder until the domain applier lands: events are stored and acknowledged, not applied.
export const applyCallEvent: EventApplier = async () => NOT_OURS;
