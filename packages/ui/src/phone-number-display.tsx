import { Typography } from "antd";
import { formatPhoneNumberInternational, getCountryFlagEmoji, getPhoneNumberCountry } from "./phone-number";

export interface PhoneNumberDisplayProps {
  /** E.164 number, e.g. `+33612345678`. */
  value: string | null | undefined;
  /** Render as a `tel:` link. */
  isLink?: boolean;
  copyable?: boolean;
}

export function PhoneNumberDisplay({ value, isLink = false, copyable = false }: PhoneNumberDisplayProps) {
  if (!value) return null;
  const flag = getCountryFlagEmoji(getPhoneNumberCountry(value));
  const formatted = formatPhoneNumberInternational(value);
  const text = isLink ? <a href={`tel:${value}`}>{formatted}</a> : formatted;
  return (
    <Typography.Text copyable={copyable ? { text: value } : false} style={{ whiteSpace: "nowrap" }}>
      {flag ? (
        <span aria-hidden style={{ marginRight: 6 }}>
          {flag}
        </span>
      ) : null}
      {text}
    </Typography.Text>
  );
}
