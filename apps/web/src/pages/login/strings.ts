import type { Messages } from "../../i18n/messages";

const en = {
  title: "Sign in",
  subtitle: "Calls, messages and leads in one place.",
  email: "Email",
  emailPlaceholder: "you@company.com",
  password: "Password",
  submit: "Sign in",
  emailRequired: "Enter your email",
  emailInvalid: "This does not look like an email address",
  passwordRequired: "Enter your password",
};

const fr: Messages<typeof en> = {
  title: "Connexion",
  subtitle: "Appels, messages et prospects au même endroit.",
  email: "E-mail",
  emailPlaceholder: "vous@entreprise.fr",
  password: "Mot de passe",
  submit: "Se connecter",
  emailRequired: "Saisissez votre e-mail",
  emailInvalid: "Cette adresse e-mail ne semble pas valide",
  passwordRequired: "Saisissez votre mot de passe",
};

export const loginStrings = { en, fr };
