import { auditStringsFr } from "../pages/audit/strings-fr";
import { connectionsStringsFr } from "../pages/connections/strings-fr";
import { numbersStringsFr } from "../pages/numbers/strings-fr";
import { settingsStringsFr } from "../pages/settings/strings-fr";
import { apiTokensStringsFr } from "../pages/settings/api-tokens/strings-fr";
import { callsStringsFr } from "../pages/calls/strings-fr";
import { leadsStringsFr } from "../pages/leads/strings-fr";
import { messagesStringsFr } from "../pages/messages/strings-fr";
import { loginStringsFr } from "../pages/login/strings-fr";
import { analyticsStringsFr } from "../pages/analytics/strings-fr";
import { dashboardStringsFr } from "../pages/dashboard/strings-fr";
import { reportsStringsFr } from "../pages/reports/strings-fr";
import { wallboardStringsFr } from "../pages/wallboard/strings-fr";
import { profileStringsFr } from "../layout/profile-strings-fr";
import { routingStringsFr } from "../pages/routing/strings-fr";
import { callbacksStringsFr } from "../pages/callbacks/strings-fr";
import type { AppMessages } from "./en";
import type { Messages } from "./messages";

export const fr: Messages<AppMessages> = {
  common: {
    appName: "Telnyx CRM",
    loading: "Chargement…",
    retry: "Réessayer",
    cancel: "Annuler",
    logout: "Se déconnecter",
    language: "Langue",
    menu: "Menu principal",
    openMenu: "Ouvrir le menu",
  },
  roles: { ADMIN: "Administrateur", SUPERVISOR: "Superviseur", AGENT: "Agent" },
  nav: {
    dashboard: "Tableau de bord",
    analytics: "Analyses",
    calls: "Appels",
    callbacks: "Rappels",
    messages: "Messages",
    numbers: "Numéros",
    connections: "Connexions",
    leads: "Prospects",
    wallboard: "Supervision",
    routing: "Routage des appels",
    settings: "Paramètres",
    audit: "Journal d’audit",
  },
  navBadge: { callbacks_one: "{{count, number}} rappel à faire", callbacks_other: "{{count, number}} rappels à faire" },
  live: {
    connected: "En direct",
    reconnecting: "Reconnexion…",
    offline: "Hors ligne",
    tooltip: {
      connected: "Mises à jour en direct actives depuis {{time}}.",
      connecting: "Connexion aux mises à jour en direct…",
      reconnecting: "Connexion perdue. Reconnexion (tentative {{attempt}})…",
      offline: "Mises à jour en direct coupées : {{reason}}",
    },
    reasons: {
      network: "votre appareil est hors ligne.",
      unauthorized: "votre session a expiré. Reconnectez-vous.",
      failed: "le serveur est injoignable.",
    },
  },
  errors: {
    UNAUTHORIZED: "Votre session a expiré. Veuillez vous reconnecter.",
    INVALID_CREDENTIALS: "E-mail ou mot de passe incorrect.",
    TOO_MANY_ATTEMPTS: "Trop de tentatives, réessayez dans une minute.",
    FORBIDDEN: "Votre rôle ne permet pas cette action.",
    NOT_FOUND: "Cet élément n’existe plus.",
    CONFLICT: "Cela entre en conflit avec des données existantes.",
    IDEMPOTENCY_IN_PROGRESS:
      "Cette action est encore en cours de traitement. Patientez un instant, puis vérifiez le résultat.",
    IDEMPOTENCY_KEY_REUSED:
      "Cette action a déjà été envoyée avec d’autres valeurs. Validez à nouveau pour l’envoyer comme une nouvelle action.",
    VALIDATION: "Certains champs sont invalides.",
    RATE_LIMITED: "Trop de requêtes. Patientez un instant puis réessayez.",
    OPTED_OUT: "Ce contact a refusé de recevoir des messages.",
    TELNYX_AUTH: "Telnyx a refusé la clé d’API. Vérifiez-la dans les paramètres.",
    TELNYX_PERMISSION: "Le compte Telnyx ne permet pas cette action.",
    TELNYX_VALIDATION: "Telnyx a refusé la requête.",
    TELNYX_NOT_FOUND: "Telnyx ne connaît pas cette ressource.",
    TELNYX_RATE_LIMITED: "Telnyx limite les requêtes. Réessayez dans un instant.",
    TELNYX_UNAVAILABLE: "Telnyx est injoignable pour le moment. Réessayez dans un instant.",
    TELNYX_ERROR: "Telnyx a renvoyé une erreur.",
    UNAVAILABLE: "Le service est momentanément indisponible. Réessayez dans un instant.",
    ENCRYPTION_KEY_MISSING:
      "Le serveur n’a pas de APP_ENCRYPTION_KEY : un administrateur doit la définir (32 octets aléatoires en base64, par exemple « openssl rand -base64 32 ») puis redémarrer le serveur.",
    INTERNAL: "Une erreur est survenue de notre côté. Veuillez réessayer.",
    NETWORK: "Impossible de joindre le serveur. Vérifiez votre connexion.",
    UNKNOWN: "Une erreur est survenue. Veuillez réessayer.",
  },
  validation: {
    required: "Ce champ est obligatoire.",
    invalid_phone: "Saisissez un numéro de téléphone valide.",
    invalid_email: "Saisissez une adresse e-mail valide.",
    too_long: "Ce texte est trop long.",
    invalid_idempotency_key: "Clé de requête invalide : rechargez la page et réessayez.",
    invalid_device: "Saisissez un numéro au format international ou une adresse SIP (sip:nom@domaine).",
    not_account_public_key:
      "Ce n'est pas la clé publique du compte Telnyx de cette clé d'API : copiez-la depuis le portail de ce compte (Keys & credentials → Public Key).",
  },
  session: { loadFailed: "Impossible de charger votre session." },
  notFound: {
    title: "Page introuvable",
    description: "Cette adresse ne correspond à aucune page.",
    back: "Retour au tableau de bord",
  },
  profile: profileStringsFr,
  login: loginStringsFr,
  leads: leadsStringsFr,
  calls: callsStringsFr,
  messages: messagesStringsFr,
  numbers: numbersStringsFr,
  connections: connectionsStringsFr,
  settings: settingsStringsFr,
  apiTokens: apiTokensStringsFr,
  audit: auditStringsFr,
  dashboard: dashboardStringsFr,
  analytics: analyticsStringsFr,
  wallboard: wallboardStringsFr,
  reports: reportsStringsFr,
  routing: routingStringsFr,
  callbacks: callbacksStringsFr,
};
