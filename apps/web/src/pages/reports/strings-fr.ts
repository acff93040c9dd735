import type { Messages } from "../../i18n/messages";
import type { reportsStrings } from "./strings";

export const reportsStringsFr: Messages<typeof reportsStrings> = {
  print: "Imprimer",
  back: "Retour",
  generatedAt: "Généré le {{time}} · {{organization}}",
  loadFailed: "Impossible de charger le rapport.",
  monthlyCost: {
    title: "Rapport mensuel des coûts",
    month: "Mois",
    summary: "Total du mois",
    perDay: "Coût par jour",
  },
  dailyActivity: {
    title: "Rapport d’activité quotidien",
    day: "Jour",
    calls: "Appels",
    sms: "SMS",
    callsList: "Appels du jour",
    truncated_one: "Seul le dernier appel est listé ; téléchargez le CSV pour les avoir tous.",
    truncated_other:
      "Seuls les {{count, number}} derniers appels sont listés ; téléchargez le CSV pour les avoir tous.",
  },
  figures: {
    inbound: "Entrants",
    outbound: "Sortants",
    answered: "Répondus",
    missed: "Manqués",
    minutes: "Minutes",
    successRate: "Taux de réussite",
    sent: "Envoyés",
    received: "Reçus",
    delivered: "Remis",
    failed: "Échoués",
    deliveryRate: "Taux de remise",
  },
  columns: {
    time: "Heure",
    direction: "Sens",
    status: "État",
    agent: "Agent",
    counterpart: "Numéro",
    duration: "Durée",
    cost: "Coût",
  },
};
