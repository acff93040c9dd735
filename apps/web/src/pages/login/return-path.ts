/** Where to go after signing in: the page the guard came from, only if it is a path inside the app. */
export function readReturnPath(state: unknown): string {
  if (typeof state !== "object" || state === null || !("from" in state)) return "/";
  const from = state.from;
  const isInternal = typeof from === "string" && from.startsWith("/") && !from.startsWith("//");
  return isInternal && !from.startsWith("/login") ? from : "/";
}
