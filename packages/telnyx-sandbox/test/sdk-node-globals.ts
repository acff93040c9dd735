import WebSocket from "ws";

/**
 * Just enough of a browser for `@telnyx/webrtc` to log in and ring in Node: the WebSocket class, storage, a
 * document without elements (no ringtone plays). Media (getUserMedia, RTCPeerConnection) is not provided, so the
 * SDK can register, ring and decline here; answered calls are tested with a werift peer (verto-gateway.test.ts)
 * and in Chromium (e2e).
 */
export function installBrowserGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  const storage = () => {
    const items = new Map<string, string>();
    return {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, String(value)),
      removeItem: (key: string) => void items.delete(key),
      clear: () => items.clear(),
    };
  };
  const noop = () => undefined;
  g["WebSocket"] = WebSocket;
  g["window"] = g;
  g["sessionStorage"] = storage();
  g["localStorage"] = storage();
  g["addEventListener"] = noop;
  g["removeEventListener"] = noop;
  g["HTMLMediaElement"] = class {};
  g["document"] = {
    addEventListener: noop,
    removeEventListener: noop,
    visibilityState: "visible",
    hidden: false,
    querySelector: () => null,
    getElementById: () => null,
    createElement: () => ({ setAttribute: noop, style: {}, play: async () => undefined, pause: noop }),
    body: { appendChild: noop },
  };
  if (!("navigator" in g)) g["navigator"] = { userAgent: "node", onLine: true };
}
