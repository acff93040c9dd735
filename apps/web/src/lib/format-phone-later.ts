/**
 * International display of a phone number for screens that rarely need one (the live layer's toasts):
 * libphonenumber and its metadata (~28 KB gzip) load on the first use instead of with every page.
 */
type Format = (value: string) => string;

let formatter: Promise<Format> | undefined;

export function formatPhoneNumberLater(value: string): Promise<string> {
  formatter ??= import("@app/ui/phone-number").then(
    (module) => module.formatPhoneNumberInternational,
    () => {
      // A failed chunk load (deploy, network) shows the number as received; the next call tries again.
      formatter = undefined;
      return (raw: string) => raw;
    },
  );
  return formatter.then((format) => format(value));
}
