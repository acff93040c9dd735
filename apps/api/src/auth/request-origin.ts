/**
 * Which origin a browser request comes from, and whether it is ours: the origin of APP_URL, or the
 * host the request was sent to (the API itself, or the Vite dev server that proxies to it keeping
 * its Host). The HTTP CSRF check and the socket.io handshake both decide with these.
 */

/** The request's Origin, else the origin of its Referer ("null" when unparsable); undefined when neither. */
export function requestSourceOf(headers: { origin?: string; referer?: string }): string | undefined {
  if (headers.origin) return headers.origin;
  if (!headers.referer) return undefined;
  try {
    return new URL(headers.referer).origin;
  } catch {
    return "null";
  }
}

export function isOwnOrigin(source: string, host: string | undefined, appUrl?: string): boolean {
  const allowed = new Set<string>();
  if (host) allowed.add(`http://${host}`).add(`https://${host}`);
  if (appUrl) allowed.add(new URL(appUrl).origin);
  return allowed.has(source);
}
