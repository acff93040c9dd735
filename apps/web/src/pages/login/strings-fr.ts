import type { Messages } from "../../i18n/messages";
import type { loginStrings } from "./strings";

export const loginStringsFr: Messages<typeof loginStrings> = {
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
