import type { Messages } from "../i18n/messages";

const en = {
  open: "My profile",
  title: "My profile",
  name: "Name",
  agentDevice: "My phone or SIP address",
  agentDeviceHelp: "Click-to-call rings this device first, then the lead. E.g. +33 6 12 34 56 78 or sip:me@acme.sip.telnyx.com",
  save: "Save",
  saved: "Profile saved.",
};

const fr: Messages<typeof en> = {
  open: "Mon profil",
  title: "Mon profil",
  name: "Nom",
  agentDevice: "Mon téléphone ou adresse SIP",
  agentDeviceHelp: "L’appel en un clic fait d’abord sonner cet appareil, puis le prospect. Ex. +33 6 12 34 56 78 ou sip:moi@acme.sip.telnyx.com",
  save: "Enregistrer",
  saved: "Profil enregistré.",
};

export const profileStrings = { en, fr };
