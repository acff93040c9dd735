/**
 * Request URLs are logged; some carry a credential in the query (a wallboard kiosk link is
 * /wallboard?kiosk=<token>). Such values are replaced before the URL reaches a log line.
 */
const SECRET_PARAM = /kiosk|token|key|secret|password|signature|auth|session/i;

export function redactUrl(url: string): string {
  const queryAt = url.indexOf("?");
  if (queryAt === -1) return url;
  const query = url
    .slice(queryAt + 1)
    .split("&")
    .map((pair) => {
      const name = pair.split("=")[0] ?? "";
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed name is checked as sent.
      }
      return SECRET_PARAM.test(decoded) && pair.includes("=") ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, queryAt)}?${query.join("&")}`;
}
