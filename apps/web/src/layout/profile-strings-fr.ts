import type { Messages } from "../i18n/messages";
import type { profileStrings } from "./profile-strings";

export const profileStringsFr: Messages<typeof profileStrings> = {
  open: "Mon profil",
  title: "Mon profil",
  name: "Nom",
  agentDevice: "Mon téléphone ou adresse SIP",
  agentDeviceHelp:
    "L’appel en un clic fait d’abord sonner cet appareil, puis le prospect. Ex. +33 6 12 34 56 78 ou sip:moi@acme.sip.telnyx.com",
  save: "Enregistrer",
  saved: "Profil enregistré.",
};
