import type { Messages } from "../../i18n/messages";
import type { placeholderStrings } from "./strings";

export const placeholderStringsFr: Messages<typeof placeholderStrings> = {
  comingSoon: "Bientôt disponible",
  dashboard: {
    title: "Tableau de bord",
    subtitle: "L’activité du jour en un coup d’œil.",
    emptyTitle: "Votre tableau de bord arrive",
    emptyDescription: "Les appels passés et reçus, les messages envoyés, le taux de réponse et les dépenses du jour apparaîtront ici.",
  },
  calls: {
    title: "Appels",
    subtitle: "Tous les appels passés ou reçus via Telnyx.",
    emptyTitle: "Aucun appel à afficher pour l’instant",
    emptyDescription: "Chaque appel sera listé ici avec son prospect, son agent, sa durée, son coût et son enregistrement, en direct.",
  },
  messages: {
    title: "Messages",
    subtitle: "Les conversations SMS avec vos prospects.",
    emptyTitle: "Aucune conversation pour l’instant",
    emptyDescription: "Les échanges SMS avec vos prospects apparaîtront ici, avec l’état de remise et les réponses dès leur arrivée.",
  },
  numbers: {
    title: "Numéros",
    subtitle: "Les numéros de téléphone de votre organisation.",
    emptyTitle: "Aucun numéro listé pour l’instant",
    emptyDescription: "Vos numéros Telnyx seront listés ici : qui ils font sonner, ce qu’ils permettent et ce qu’ils coûtent.",
  },
  connections: {
    title: "Connexions",
    subtitle: "Comment les appels parviennent à vos agents.",
    emptyTitle: "Aucune connexion listée pour l’instant",
    emptyDescription: "Vos applications Call Control et connexions SIP Telnyx apparaîtront ici avec leur état.",
  },
  wallboard: {
    title: "Mur de supervision",
    subtitle: "La vue en direct de l’équipe, pensée pour un grand écran.",
    emptyTitle: "Le mur de supervision arrive",
    emptyDescription: "Le statut des agents, les appels en cours et les totaux du jour s’afficheront ici en temps réel.",
  },
  settings: {
    title: "Paramètres",
    subtitle: "Votre organisation, votre équipe et votre compte Telnyx.",
    emptyTitle: "Les paramètres arrivent",
    emptyDescription: "Votre clé d’API Telnyx, les tarifs d’appel, les membres de l’équipe et leurs rôles se géreront ici.",
  },
};
