import type { Messages } from "../../i18n/messages";
import type { auditStrings } from "./strings";

export const auditStringsFr: Messages<typeof auditStrings> = {
  title: "Journal d’audit",
  subtitle: "Qui a fait quoi, quand et d’où. Chaque modification et chaque tentative refusée est enregistrée.",
  filters: {
    action: "Action",
    allActions: "Toutes les actions",
    user: "Utilisateur",
    allUsers: "Tous les utilisateurs",
    dates: "Dates",
    clear: "Effacer les filtres",
  },
  columns: {
    time: "Date",
    user: "Utilisateur",
    action: "Action",
    target: "Cible",
    result: "Résultat",
    ip: "Adresse IP",
  },
  system: "Système",
  results: { ok: "Réussi", denied: "Refusé", failed: "Échec" },
  noDetails: "Aucun détail enregistré.",
  details: "Détails",
  loadMore: "Afficher plus",
  showing: "{{count}} entrées affichées",
  empty: { title: "Rien d’enregistré", description: "Aucune entrée ne correspond à ces filtres." },
};
