/**
 * One user action, one idempotency key (calls, SMS, leads, numbers, tokens): the key is drawn when the form opens,
 * sent with the action's request and kept for a retry after a network failure (the server may have acted: the same
 * key then answers its first result). Once the server has answered, success or refusal, the next submit is another
 * action and gets a new key. A submit while one is running (a double click before the button shows `loading`) is
 * dropped: the server would only replay it anyway.
 */
import { useEffect, useMemo, useRef } from "react";
import { newIdempotencyKey } from "@app/telnyx-core/api/idempotency-key";
import { readAppError } from "./app-error";

export interface ActionKey {
  /** Runs `attempt` with the action's key; undefined when an attempt is already running. */
  run<T>(attempt: (idempotencyKey: string) => Promise<T>): Promise<T | undefined>;
}

export function useActionKey(isOpen = true): ActionKey {
  const key = useRef(newIdempotencyKey());
  const isRunning = useRef(false);
  useEffect(() => {
    if (isOpen) key.current = newIdempotencyKey();
  }, [isOpen]);
  return useMemo(
    () => ({
      async run<T>(attempt: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> {
        if (isRunning.current) return undefined;
        isRunning.current = true;
        try {
          const value = await attempt(key.current);
          key.current = newIdempotencyKey();
          return value;
        } catch (error) {
          if (!readAppError(error).isNetwork) key.current = newIdempotencyKey();
          throw error;
        } finally {
          isRunning.current = false;
        }
      },
    }),
    [],
  );
}
