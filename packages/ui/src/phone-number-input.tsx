import { useState, type ChangeEvent, type FocusEvent } from "react";
import { Badge, Input, Tooltip, type InputProps } from "antd";
import {
  formatPhoneNumberInternational,
  getCountryFlagEmoji,
  getPhoneNumberCountry,
  isE164PhoneNumber,
  normalizePhoneNumber,
  type CountryCode,
} from "./phone-number";

export interface PhoneNumberInputProps extends Omit<InputProps, "value" | "onChange" | "prefix" | "suffix"> {
  /** E.164 when valid; otherwise whatever the user typed (so a form validator can reject it). */
  value?: string;
  onChange?: (value: string) => void;
  /** Country used to read national numbers (`06 12 34 56 78` with FR). */
  defaultCountry: CountryCode;
  /** Tooltip texts for the validity mark; the caller translates. */
  validLabel?: string;
  invalidLabel?: string;
}

function toDisplayText(value: string | undefined): string {
  if (!value) return "";
  return isE164PhoneNumber(value) ? formatPhoneNumberInternational(value) : value;
}

/**
 * Free-text phone input that emits E.164 as soon as the text is a valid number for `defaultCountry`
 * (or any international number), and reformats it internationally on blur.
 */
export function PhoneNumberInput({
  value,
  onChange,
  defaultCountry,
  validLabel,
  invalidLabel,
  onBlur,
  ...rest
}: PhoneNumberInputProps) {
  const [text, setText] = useState(() => toDisplayText(value));
  const [syncedValue, setSyncedValue] = useState(value);
  // A value set from outside (form reset, another record) replaces what is displayed.
  if (value !== syncedValue) {
    setSyncedValue(value);
    setText(toDisplayText(value));
  }

  const e164 = normalizePhoneNumber(text, defaultCountry);
  const isEmpty = text.trim() === "";
  const country = e164 ? getPhoneNumberCountry(e164) : isEmpty ? defaultCountry : undefined;

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const raw = event.target.value;
    const next = normalizePhoneNumber(raw, defaultCountry) ?? raw;
    setText(raw);
    setSyncedValue(next);
    onChange?.(next);
  }

  function handleBlur(event: FocusEvent<HTMLInputElement>) {
    if (e164) setText(formatPhoneNumberInternational(e164));
    onBlur?.(event);
  }

  const mark = isEmpty ? null : (
    <Tooltip title={e164 ? validLabel : invalidLabel}>
      <Badge status={e164 ? "success" : "error"} />
    </Tooltip>
  );

  return (
    <Input
      type="tel"
      autoComplete="tel"
      inputMode="tel"
      {...rest}
      value={text}
      onChange={handleChange}
      onBlur={handleBlur}
      data-phone-valid={isEmpty ? undefined : String(e164 !== null)}
      aria-invalid={!isEmpty && !e164 ? true : rest["aria-invalid"]}
      prefix={<span aria-hidden>{getCountryFlagEmoji(country) || "🌐"}</span>}
      suffix={mark ?? <span />}
    />
  );
}
