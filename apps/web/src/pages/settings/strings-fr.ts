import type { Messages } from "../../i18n/messages";
import type { settingsStrings } from "./strings";

export const settingsStringsFr: Messages<typeof settingsStrings> = {
  title: "Paramètres",
  subtitle: "Votre organisation, son compte Telnyx et les tarifs utilisés pour chiffrer appels et messages.",
  organization: {
    title: "Organisation",
    name: "Nom",
    timeZone: "Fuseau horaire",
    timeZoneHelp: "Sert à définir « aujourd’hui » dans le tableau de bord et les rapports.",
    currency: "Devise",
    save: "Enregistrer",
    saved: "Organisation enregistrée",
  },
  telnyx: {
    title: "Compte Telnyx",
    modes: { sandbox: "Bac à sable", live: "Production" },
    sources: {
      organization: "Clé enregistrée pour cette organisation",
      environment: "Clé TELNYX_API_KEY du serveur",
      sandbox: "Bac à sable intégré",
    },
    sandboxNotice:
      "Mode bac à sable : appels et messages passent par l’émulateur Telnyx intégré, rien n’est réellement composé ni facturé. Enregistrez votre clé d’API pour passer en production.",
    keySet: "Clé définie {{hint}}",
    noKey: "Aucune clé d’API enregistrée",
    publicKeySet: "Clé publique des webhooks définie",
    noPublicKey: "Aucune clé publique : la signature des webhooks ne peut pas être vérifiée.",
    apiKey: "Clé d’API",
    apiKeyPlaceholder: "KEY0123…",
    apiKeyHelp: "Vérifiée auprès de Telnyx avant d’être enregistrée, puis stockée chiffrée.",
    keyTooShort: "C’est trop court pour une clé Telnyx : copiez la clé entière depuis Mission Control.",
    publicKey: "Clé publique des webhooks",
    publicKeyHelp: "Dans Telnyx Mission Control → Keys & Credentials → Public key.",
    save: "Vérifier et enregistrer",
    saved: "Telnyx a accepté la clé : vous êtes en production.",
    clear: "Supprimer la clé",
    clearConfirm: {
      title: "Supprimer la clé Telnyx ?",
      description: "Le CRM revient à la clé du serveur ou au bac à sable.",
      ok: "Supprimer",
    },
    cleared: "Clé Telnyx supprimée",
  },
  webhooks: {
    title: "URL de webhook à donner à Telnyx",
    description:
      "Les connexions les renseignent pour vous ; collez-les à la main uniquement pour des ressources créées hors du CRM.",
    calls: "Voix (application Call Control)",
    messages: "Profil de messagerie",
    any: "Secours (tout événement)",
    private: "Ces URL n’appartiennent qu’à cette organisation. Si elles ont fuité, changez-les.",
    rotate: "Changer les URL de webhook",
    rotateConfirm:
      "Les URL actuelles cessent de fonctionner immédiatement ; le CRM pointe ses applications et profils de messagerie Telnyx vers les nouvelles. Continuer ?",
    rotated_one: "Nouvelles URL de webhook en place ; {{count, number}} connexion Telnyx mise à jour.",
    rotated_other: "Nouvelles URL de webhook en place ; {{count, number}} connexions Telnyx mises à jour.",
    rotatedPartly:
      "Nouvelles URL de webhook en place, mais Telnyx n’a pas pu mettre à jour : {{names}}. Utilisez « Corriger les webhooks » sur la page Connexions.",
  },
  routing: {
    title: "Routage des appels",
    description:
      "Files d’attente, heures d’ouverture, messagerie vocale et destination des appels entrants de chaque numéro.",
    open: "Ouvrir le routage des appels",
  },
  rates: {
    title: "Tarifs",
    description:
      "Ce que vous coûtent une minute, une partie de SMS ou un numéro, par pays. Sert à chiffrer appels et messages.",
    columns: { country: "Pays", kind: "Type", amount: "Montant", actions: "" },
    kinds: {
      voice_per_minute: "Voix, par minute",
      sms_per_part: "SMS, par partie",
      number_local_monthly: "Numéro local, mensuel",
      number_toll_free_monthly: "Numéro vert, mensuel",
    },
    anyCountry: "Tous pays",
    edit: "Modifier",
    save: "Enregistrer",
    delete: "Supprimer",
    deleteConfirm: "Supprimer ce tarif ?",
    add: "Ajouter un tarif",
    countryPlaceholder: "FR",
    amountPlaceholder: "0,0050",
    invalidCountry: "Deux lettres, ex. FR.",
    invalidAmount: "Un montant positif avec au plus 6 décimales, ex. 0,0050.",
    saved: "Tarif enregistré",
    deleted: "Tarif supprimé",
    empty: "Aucun tarif : les coûts viennent uniquement de Telnyx.",
  },
};
