import { formatPhoneNumberInternational, getCountryFlagEmoji } from "@app/ui/phone-number";
import { Select } from "antd";

export interface FromNumber {
  id: string;
  phoneNumber: string;
  countryCode: string;
  assignedUserId: string | null;
}

interface FromNumberSelectProps {
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
  numbers: FromNumber[];
  isLoading: boolean;
  placeholder: string;
  "data-testid"?: string;
}

/** Only the numbers the API says the caller may use (calls.fromNumbers / messages.fromNumbers). */
export function FromNumberSelect({ numbers, isLoading, ...rest }: FromNumberSelectProps) {
  return (
    <Select
      {...rest}
      loading={isLoading}
      options={numbers.map((number) => ({
        value: number.id,
        label: `${getCountryFlagEmoji(number.countryCode)} ${formatPhoneNumberInternational(number.phoneNumber)}`,
      }))}
    />
  );
}

/** A number close to the destination (same country) when there is one, else the first. */
export function pickDefaultFromNumber(
  numbers: FromNumber[],
  destinationCountry: string | undefined,
): string | undefined {
  return (numbers.find((number) => number.countryCode === destinationCountry) ?? numbers[0])?.id;
}
