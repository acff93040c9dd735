import { useEffect } from "react";
import type { FormInstance } from "antd";
import { getPhoneNumberCountry } from "@app/ui/phone-number";
import { pickDefaultFromNumber, type FromNumber } from "./from-number-select";

interface FromAndTo {
  fromNumberId?: string;
  to?: string;
}

/**
 * The caller id (SMS or call) follows the destination's country: set once the numbers are known,
 * and again when the destination changes, until the user picks a number by hand.
 * Returns the form's onValuesChange handler.
 */
export function useDefaultFromNumber(
  form: FormInstance,
  isOpen: boolean,
  available: FromNumber[],
): (changed: FromAndTo) => void {
  useEffect(() => {
    if (!isOpen || available.length === 0 || form.getFieldValue("fromNumberId")) return;
    const to = form.getFieldValue("to") as string | undefined;
    form.setFieldValue("fromNumberId", pickDefaultFromNumber(available, to ? getPhoneNumberCountry(to) : undefined));
  }, [isOpen, available, form]);

  return (changed) => {
    if (changed.to && !form.isFieldTouched("fromNumberId")) {
      const id = pickDefaultFromNumber(available, getPhoneNumberCountry(changed.to));
      if (id) form.setFieldValue("fromNumberId", id);
    }
  };
}
