import { skipToken } from "@tanstack/react-query";
import { Alert, App, Divider, Drawer, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatPhoneNumberInternational } from "@app/ui/phone-number";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { useActionKey } from "../../lib/use-action-key";
import { AvailableNumbersTable } from "./available-numbers-table";
import { BuySearchForm } from "./buy-search-form";
import { toSearchInput, type AvailableNumber, type PhoneNumber, type SearchInput } from "./number-values";
import { PurchaseProgress } from "./purchase-progress";
import { useNumberMutations } from "./use-number-mutations";

interface BuyNumberDrawerProps {
  isOpen: boolean;
  onClose: () => void;
}

export function BuyNumberDrawer({ isOpen, onClose }: BuyNumberDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [searchInput, setSearchInput] = useState<SearchInput | null>(null);
  const [purchased, setPurchased] = useState<PhoneNumber | null>(null);
  const { purchase } = useNumberMutations();
  const action = useActionKey(isOpen);
  const results = trpc.numbers.search.useQuery(searchInput ?? skipToken, { staleTime: 30_000 });

  async function handleBuy(number: AvailableNumber) {
    if (!searchInput) return;
    try {
      const created = await action.run((idempotencyKey) =>
        purchase.mutateAsync({
          phoneNumber: number.phoneNumber,
          countryCode: searchInput.countryCode,
          numberType: searchInput.numberType,
          // The quote the admin saw; the API stores it until Telnyx reports the number's own data.
          features: number.features,
          upfrontCost: number.upfrontCost,
          monthlyCost: number.monthlyCost,
          currency: number.currency,
          idempotencyKey,
        }),
      );
      if (created) setPurchased(created);
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  function startOver() {
    setPurchased(null);
    // Whatever was just bought is no longer available.
    void results.refetch();
  }

  return (
    <Drawer
      open={isOpen}
      onClose={onClose}
      size={820}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) {
          setPurchased(null);
          setSearchInput(null);
        }
      }}
      title={
        purchased
          ? t("numbers.progress.title", { number: formatPhoneNumberInternational(purchased.phoneNumber) })
          : t("numbers.drawer.title")
      }
      data-testid="buy-number-drawer"
    >
      {purchased ? (
        <PurchaseProgress purchased={purchased} onBuyAnother={startOver} onClose={onClose} />
      ) : (
        <>
          <BuySearchForm
            isSearching={results.isFetching}
            onSearch={(values) => setSearchInput(toSearchInput(values))}
          />
          {searchInput ? (
            <>
              <Divider />
              <Typography.Title level={5}>{t("numbers.drawer.resultsTitle")}</Typography.Title>
              {results.error ? (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  title={translateError(t, results.error)}
                  style={{ marginBottom: 16 }}
                />
              ) : null}
              <AvailableNumbersTable
                numbers={results.data?.items ?? []}
                isLoading={results.isFetching}
                buying={purchase.isPending ? (purchase.variables?.phoneNumber ?? null) : null}
                onBuy={(n) => void handleBuy(n)}
              />
            </>
          ) : null}
        </>
      )}
    </Drawer>
  );
}
