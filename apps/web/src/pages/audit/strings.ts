export const auditStrings = {
  title: "Audit log",
  subtitle: "Who did what, when and from where. Every change and every refused attempt is recorded.",
  filters: { action: "Action", allActions: "All actions", user: "User", allUsers: "All users", dates: "Dates", clear: "Clear filters" },
  columns: { time: "Time", user: "User", action: "Action", target: "Target", result: "Result", ip: "IP address" },
  system: "System",
  results: { ok: "Success", denied: "Denied", failed: "Failed" },
  noDetails: "No details recorded.",
  details: "Details",
  loadMore: "Load more",
  showing: "{{count}} entries shown",
  empty: { title: "Nothing recorded", description: "No entry matches these filters." },
};
