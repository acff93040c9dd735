import type { Messages } from "../../i18n/messages";

const en = {
  comingSoon: "Coming soon",
  dashboard: {
    title: "Dashboard",
    subtitle: "Today’s activity at a glance.",
    emptyTitle: "Your dashboard is on its way",
    emptyDescription: "Calls placed and received, messages sent, answer rate and spend for today will appear here.",
  },
  calls: {
    title: "Calls",
    subtitle: "Every call made or received through Telnyx.",
    emptyTitle: "No calls to show yet",
    emptyDescription: "Each call will be listed here with its lead, agent, duration, cost and recording, updated live.",
  },
  messages: {
    title: "Messages",
    subtitle: "SMS conversations with your leads.",
    emptyTitle: "No conversations yet",
    emptyDescription: "Text threads with your leads will appear here, with delivery status and replies as they arrive.",
  },
  numbers: {
    title: "Numbers",
    subtitle: "Phone numbers owned by your organization.",
    emptyTitle: "No phone numbers listed yet",
    emptyDescription: "Your Telnyx numbers will be listed here: who they ring, what they can do and what they cost.",
  },
  connections: {
    title: "Connections",
    subtitle: "How calls reach your agents.",
    emptyTitle: "No connections listed yet",
    emptyDescription: "Your Telnyx call-control applications and SIP connections will appear here with their status.",
  },
  wallboard: {
    title: "Wallboard",
    subtitle: "The team’s live view, made for a big screen.",
    emptyTitle: "The wallboard is on its way",
    emptyDescription: "Agents’ status, calls in progress and today’s totals will update here in real time.",
  },
  settings: {
    title: "Settings",
    subtitle: "Your organization, team and Telnyx account.",
    emptyTitle: "Settings are on their way",
    emptyDescription: "Your Telnyx API key, call rates, team members and their roles will be managed here.",
  },
};

const fr: Messages<typeof en> = {
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

export const placeholderStrings = { en, fr };
