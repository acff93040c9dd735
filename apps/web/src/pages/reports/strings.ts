import type { Messages } from "../../i18n/messages";

const en = {
  print: "Print",
  back: "Back",
  generatedAt: "Generated {{time}} · {{organization}}",
  loadFailed: "We could not load the report.",
  monthlyCost: {
    title: "Monthly cost report",
    month: "Month",
    summary: "Total for the month",
    perDay: "Cost per day",
  },
  dailyActivity: {
    title: "Daily activity report",
    day: "Day",
    calls: "Calls",
    sms: "SMS",
    callsList: "Calls of the day",
    truncated: "Only the latest {{count}} calls are listed; download the CSV for all of them.",
  },
  figures: {
    inbound: "Inbound",
    outbound: "Outbound",
    answered: "Answered",
    missed: "Missed",
    minutes: "Minutes",
    successRate: "Success rate",
    sent: "Sent",
    received: "Received",
    delivered: "Delivered",
    failed: "Failed",
    deliveryRate: "Delivery rate",
  },
  columns: { time: "Time", direction: "Direction", status: "Status", agent: "Agent", counterpart: "Number", duration: "Duration", cost: "Cost" },
};

const fr: Messages<typeof en> = {
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
    truncated: "Seuls les {{count}} derniers appels sont listés ; téléchargez le CSV pour les avoir tous.",
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
  columns: { time: "Heure", direction: "Sens", status: "État", agent: "Agent", counterpart: "Numéro", duration: "Durée", cost: "Coût" },
};

export const reportsStrings = { en, fr };
