/** The one place the web app reads build-time configuration (VITE_* variables). */
function readApiOrigin(value: string | undefined): string {
  if (!value) return "";
  if (!/^https?:\/\/[^/]+$/.test(value)) {
    throw new Error(`VITE_API_ORIGIN must look like https://host[:port] without a path, got "${value}"`);
  }
  return value;
}

const apiOrigin = readApiOrigin(import.meta.env.VITE_API_ORIGIN);

export const env = {
  isDev: import.meta.env.DEV,
  trpcUrl: `${apiOrigin}/trpc`,
  /** undefined means "same origin" for socket.io. */
  socketUrl: apiOrigin || undefined,
  socketPath: "/socket.io",
} as const;
