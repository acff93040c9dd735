import type { Messages } from "../../../i18n/messages";
import type { apiTokensStrings } from "./strings";

export const apiTokensStringsFr: Messages<typeof apiTokensStrings> = {
  title: "Jetons d’API",
  description: {
    intro:
      "Les jetons permettent aux outils internes et aux scripts d’utiliser l’API (client typé, REST, événements en direct) avec l’en-tête",
    header: "Authorization: Bearer <jeton>",
    outro: ". Un jeton agit avec son propre rôle ; révoquez-le pour couper l’accès immédiatement.",
  },
  docsLink: "Référence de l’API REST",
  create: "Nouveau jeton",
  empty: "Aucun jeton d’API pour l’instant.",
  columns: {
    name: "Nom",
    prefix: "Jeton",
    role: "Rôle",
    createdBy: "Créé par",
    lastUsedAt: "Dernière utilisation",
    expiresAt: "Expire le",
    status: "État",
    actions: "",
  },
  never: "Jamais",
  noExpiry: "Sans expiration",
  status: { active: "Actif", revoked: "Révoqué", expired: "Expiré" },
  revoke: "Révoquer",
  revokeConfirm: {
    title: "Révoquer « {{name}} » ?",
    description:
      "Les outils qui utilisent ce jeton cessent de fonctionner immédiatement, connexions en direct comprises.",
    ok: "Révoquer",
  },
  revoked: "Jeton révoqué",
  form: {
    title: "Nouveau jeton d’API",
    name: "Nom",
    namePlaceholder: "Suivi des appels en direct",
    role: "Rôle",
    roleHelp: "Ce que le jeton peut faire. Il ne peut pas avoir plus de droits que vous.",
    expiresAt: "Expire le",
    expiresHelp: "Laissez vide pour un jeton sans expiration.",
    submit: "Créer le jeton",
  },
  created: {
    title: "Copiez votre jeton maintenant",
    description:
      "C’est la seule fois où le jeton est affiché. Rangez-le dans les secrets de votre outil (par exemple CRM_TOKEN).",
    done: "Je l’ai copié",
  },
};
