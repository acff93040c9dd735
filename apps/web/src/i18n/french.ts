/** Everything French in one chunk (messages, antd and dayjs locales), loaded only once French is chosen. */
import "dayjs/locale/fr";
import frFR from "antd/locale/fr_FR";
import { fr } from "./fr";

export const french = { messages: fr, antdLocale: frFR };
