import type { Messages } from "../../../i18n/messages";

const en = {
  title: "API tokens",
  description: "Tokens let internal tools and scripts use the API (typed client, REST, live events) as `Authorization: Bearer <token>`. A token acts with its own role; revoke it to cut access at once.",
  docsLink: "REST API reference",
  create: "New token",
  empty: "No API tokens yet.",
  columns: { name: "Name", prefix: "Token", role: "Role", createdBy: "Created by", lastUsedAt: "Last used", expiresAt: "Expires", status: "Status", actions: "" },
  never: "Never",
  noExpiry: "No expiry",
  status: { active: "Active", revoked: "Revoked", expired: "Expired" },
  revoke: "Revoke",
  revokeConfirm: { title: "Revoke “{{name}}”?", description: "Tools using this token stop working immediately, including open live connections.", ok: "Revoke" },
  revoked: "Token revoked",
  form: {
    title: "New API token",
    name: "Name",
    namePlaceholder: "Live call monitor",
    role: "Role",
    roleHelp: "What the token may do. It cannot have more rights than you.",
    expiresAt: "Expires on",
    expiresHelp: "Leave empty for a token that never expires.",
    submit: "Create token",
  },
  created: {
    title: "Copy your token now",
    description: "This is the only time the token is shown. Store it in your tool's secrets (for example CRM_TOKEN).",
    done: "I have copied it",
  },
};

const fr: Messages<typeof en> = {
  title: "Jetons d’API",
  description: "Les jetons permettent aux outils internes et aux scripts d’utiliser l’API (client typé, REST, événements en direct) avec `Authorization: Bearer <jeton>`. Un jeton agit avec son propre rôle ; révoquez-le pour couper l’accès immédiatement.",
  docsLink: "Référence de l’API REST",
  create: "Nouveau jeton",
  empty: "Aucun jeton d’API pour l’instant.",
  columns: { name: "Nom", prefix: "Jeton", role: "Rôle", createdBy: "Créé par", lastUsedAt: "Dernière utilisation", expiresAt: "Expire le", status: "État", actions: "" },
  never: "Jamais",
  noExpiry: "Sans expiration",
  status: { active: "Actif", revoked: "Révoqué", expired: "Expiré" },
  revoke: "Révoquer",
  revokeConfirm: { title: "Révoquer « {{name}} » ?", description: "Les outils qui utilisent ce jeton cessent de fonctionner immédiatement, connexions en direct comprises.", ok: "Révoquer" },
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
    description: "C’est la seule fois où le jeton est affiché. Rangez-le dans les secrets de votre outil (par exemple CRM_TOKEN).",
    done: "Je l’ai copié",
  },
};

export const apiTokensStrings = { en, fr };
