import "i18next";
import type { AppMessages } from "./en";
import type { Messages } from "./messages";

// Typed keys: t("leads.title") compiles, t("leads.titel") does not.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages<AppMessages> };
  }
}
