import { SearchOutlined } from "@ant-design/icons";
import { getCountryFlagEmoji } from "@app/ui/phone-number";
import { Button, Checkbox, Flex, Form, Input, Select } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language";
import { trpc } from "../../lib/trpc";
import {
  getCountryName,
  matchesCountry,
  NUMBER_FEATURES,
  pickNumberType,
  type NumberType,
  type SearchFormValues,
} from "./number-values";

interface BuySearchFormProps {
  isSearching: boolean;
  onSearch: (values: SearchFormValues) => void;
}

export function BuySearchForm({ isSearching, onSearch }: BuySearchFormProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [form] = Form.useForm<SearchFormValues>();
  const countries = trpc.numbers.countries.useQuery(undefined, { staleTime: Infinity });
  const countryCode = Form.useWatch("countryCode", form);

  const options = useMemo(
    () =>
      (countries.data ?? [])
        .map((country) => ({ ...country, name: getCountryName(country.code, language, country.name) }))
        .sort((a, b) => a.name.localeCompare(b.name, language))
        .map((country) => ({
          value: country.code,
          name: country.name,
          label: `${getCountryFlagEmoji(country.code)} ${country.name}`,
        })),
    [countries.data, language],
  );
  const types: readonly NumberType[] = countries.data?.find((country) => country.code === countryCode)?.types ?? [];

  function handleCountryChange(code: string) {
    const available = countries.data?.find((country) => country.code === code)?.types ?? [];
    form.setFieldValue(
      "numberType",
      pickNumberType(form.getFieldValue("numberType") as NumberType | undefined, available),
    );
  }

  return (
    <Form<SearchFormValues>
      form={form}
      layout="vertical"
      initialValues={{ countryCode: language === "fr" ? "FR" : "US", numberType: "local", features: [] }}
      onFinish={onSearch}
    >
      <Flex gap={12} wrap>
        <Form.Item
          name="countryCode"
          label={t("numbers.drawer.country")}
          htmlFor="buy-country"
          style={{ flex: "2 1 220px" }}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Select
            id="buy-country"
            data-testid="buy-country"
            loading={countries.isPending}
            placeholder={t("numbers.drawer.countryPlaceholder")}
            showSearch={{
              filterOption: (search, option) =>
                option ? matchesCountry(search, { code: option.value, name: option.name }) : false,
            }}
            options={options}
            onChange={handleCountryChange}
          />
        </Form.Item>
        <Form.Item
          name="numberType"
          label={t("numbers.drawer.type")}
          htmlFor="buy-type"
          style={{ flex: "1 1 160px" }}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Select
            id="buy-type"
            data-testid="buy-type"
            options={types.map((type) => ({ value: type, label: t(`numbers.types.${type}`) }))}
          />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item
          name="areaCode"
          label={t("numbers.drawer.areaCode")}
          htmlFor="buy-area-code"
          style={{ flex: "1 1 160px" }}
          rules={[{ pattern: /^\d{1,6}$/, message: t("numbers.drawer.areaCodePlaceholder") }]}
        >
          <Input
            id="buy-area-code"
            data-testid="buy-area-code"
            inputMode="numeric"
            placeholder={t("numbers.drawer.areaCodePlaceholder")}
            allowClear
          />
        </Form.Item>
        <Form.Item
          name="locality"
          label={t("numbers.drawer.locality")}
          htmlFor="buy-locality"
          style={{ flex: "2 1 220px" }}
          rules={[{ max: 100, message: t("validation.too_long") }]}
        >
          <Input
            id="buy-locality"
            data-testid="buy-locality"
            placeholder={t("numbers.drawer.localityPlaceholder")}
            allowClear
          />
        </Form.Item>
      </Flex>
      <Form.Item name="features" label={t("numbers.drawer.features")}>
        <Checkbox.Group
          data-testid="buy-features"
          options={NUMBER_FEATURES.map((feature) => ({ value: feature, label: t(`numbers.features.${feature}`) }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={isSearching} data-testid="buy-search">
        {t("numbers.drawer.search")}
      </Button>
    </Form>
  );
}
