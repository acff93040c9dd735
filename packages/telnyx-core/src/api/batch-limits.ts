/**
 * tRPC batches: the server refuses a batch of more procedures than this (400), and every client link splits before
 * it, so one request (one rate-limit count) can never carry hundreds of procedure calls.
 */
export const MAX_TRPC_BATCH_SIZE = 50;

/** Client batch links split a batch whose GET URL would pass this many characters (under any proxy's limit). */
export const MAX_TRPC_URL_LENGTH = 2_000;
