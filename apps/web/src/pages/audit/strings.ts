import type { Messages } from "../../i18n/messages";

const en = {
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

const fr: Messages<typeof en> = {
  title: "Journal d’audit",
  subtitle: "Qui a fait quoi, quand et d’où. Chaque modification et chaque tentative refusée est enregistrée.",
  filters: { action: "Action", allActions: "Toutes les actions", user: "Utilisateur", allUsers: "Tous les utilisateurs", dates: "Dates", clear: "Effacer les filtres" },
  columns: { time: "Date", user: "Utilisateur", action: "Action", target: "Cible", result: "Résultat", ip: "Adresse IP" },
  system: "Système",
  results: { ok: "Réussi", denied: "Refusé", failed: "Échec" },
  noDetails: "Aucun détail enregistré.",
  details: "Détails",
  loadMore: "Afficher plus",
  showing: "{{count}} entrées affichées",
  empty: { title: "Rien d’enregistré", description: "Aucune entrée ne correspond à ces filtres." },
};

export const auditStrings = { en, fr };
