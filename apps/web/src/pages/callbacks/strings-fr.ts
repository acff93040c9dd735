import type { Messages } from "../../i18n/messages";
import type { callbacksStrings } from "./strings";

export const callbacksStringsFr: Messages<typeof callbacksStrings> = {
  title: "Rappels",
  subtitle: "Messages vocaux et appels manqués en attente d’un rappel.",
  tabs: { OPEN: "À rappeler", DONE: "Traités" },
  mine: "Qui me sont attribués",
  reason: { VOICEMAIL: "Message vocal", MISSED: "Appel manqué" },
  from: "De",
  queue: "File",
  lead: "Prospect",
  receivedAt: "Reçu",
  doneAt: "Traité {{time}}",
  assignee: "Attribué à",
  unassigned: "Personne pour l’instant",
  voicemail: "Message vocal",
  noRecording: "Le message n’est pas encore disponible.",
  assignToMe: "Me l’attribuer",
  markDone: "Marquer traité",
  assigned: "Rappel attribué",
  done: "Marqué traité",
  loadMore: "Afficher plus",
  empty: {
    OPEN: {
      title: "Rien à rappeler",
      description: "Les messages vocaux et appels manqués de vos files apparaissent ici.",
    },
    DONE: { title: "Rien de traité pour l’instant", description: "Les rappels marqués traités apparaissent ici." },
    mine: {
      title: "Rien ne vous est attribué",
      description: "Utilisez « Me l’attribuer » sur un rappel pour le prendre.",
    },
  },
};
