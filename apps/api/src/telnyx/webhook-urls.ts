/** The webhook endpoints Telnyx must call, derived from the server's public URL. */
export function webhookUrls(baseUrl: string): { calls: string; messages: string; any: string } {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    calls: `${base}/api/telnyx/webhooks/calls`,
    messages: `${base}/api/telnyx/webhooks/messages`,
    any: `${base}/api/telnyx/webhooks`,
  };
}
