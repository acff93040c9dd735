import { useMemo, useState } from "react";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { TBusinessHours } from "@app/telnyx-core/routing/routing-schemas";
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Select, Switch, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { listTimeZones } from "../settings/settings-values";
import { HoursIntervalRow } from "./hours-interval-row";
import { DAY_KEYS, DEFAULT_INTERVAL, hasInvalidInterval, toBusinessHoursInput, WEEK_DAYS } from "./routing-values";

/** Call routing → business hours: loaded once, edited locally, saved as a whole. */
export function BusinessHoursCard() {
  const { t } = useTranslation();
  const hours = trpc.routing.hours.get.useQuery(undefined);
  return (
    <Card title={t("routing.hours.title")} data-testid="routing-hours">
      <Typography.Paragraph type="secondary">{t("routing.hours.description")}</Typography.Paragraph>
      {hours.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={translateError(t, hours.error)}
          action={
            <Button size="small" onClick={() => void hours.refetch()}>
              {t("common.retry")}
            </Button>
          }
        />
      ) : null}
      {hours.isPending ? <Typography.Text type="secondary">{t("common.loading")}</Typography.Text> : null}
      {hours.data ? <HoursEditor key={JSON.stringify(hours.data)} saved={hours.data} /> : null}
    </Card>
  );
}

function HoursEditor({ saved }: { saved: TBusinessHours }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const utils = trpc.useUtils();
  const [draft, setDraft] = useState<TBusinessHours>(saved);
  const save = trpc.routing.hours.set.useMutation({
    onSuccess: (hours) => utils.routing.hours.get.setData(undefined, hours),
  });
  const zones = useMemo(
    () => listTimeZones(saved.timeZone).map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") })),
    [saved.timeZone],
  );
  const isInvalid = hasInvalidInterval(draft);
  const isPending = save.isPending;

  const setWeekly = (weekly: TBusinessHours["weekly"]) => setDraft((current) => ({ ...current, weekly }));
  const setHolidays = (holidays: TBusinessHours["holidays"]) => setDraft((current) => ({ ...current, holidays }));

  async function handleSave() {
    try {
      await save.mutateAsync(toBusinessHoursInput(draft));
      void message.success(t("routing.hours.saved"));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  return (
    <Form layout="vertical" disabled={isPending} component="div">
      <Form.Item extra={draft.enabled ? null : t("routing.hours.disabledNote")}>
        <Flex gap={8} align="center">
          <Switch
            id="hours-enabled"
            data-testid="hours-enabled"
            checked={draft.enabled}
            onChange={(enabled) => setDraft((current) => ({ ...current, enabled }))}
          />
          <label htmlFor="hours-enabled">{t("routing.hours.enabled")}</label>
        </Flex>
      </Form.Item>
      <Form.Item label={t("routing.hours.timeZone")} htmlFor="hours-time-zone">
        <Select
          id="hours-time-zone"
          data-testid="hours-time-zone"
          showSearch={{ optionFilterProp: "label" }}
          options={zones}
          value={draft.timeZone}
          onChange={(timeZone) => setDraft((current) => ({ ...current, timeZone }))}
        />
      </Form.Item>
      <Form.Item label={t("routing.hours.weekly")}>
        <Flex vertical gap={8}>
          {WEEK_DAYS.map((day) => {
            const intervals = draft.weekly
              .map((interval, index) => ({ interval, index }))
              .filter((entry) => entry.interval.day === day);
            return (
              <Flex key={day} gap={8} wrap align="flex-start" data-testid={`hours-day-${day}`}>
                <Typography.Text strong style={{ width: 96, paddingTop: 5 }}>
                  {t(`routing.hours.days.${DAY_KEYS[day]}`)}
                </Typography.Text>
                <Flex vertical gap={4} style={{ flex: 1, minWidth: 264 }}>
                  {intervals.length === 0 ? (
                    <Typography.Text type="secondary" style={{ paddingTop: 5 }}>
                      {t("routing.hours.closed")}
                    </Typography.Text>
                  ) : null}
                  {intervals.map(({ interval, index }) => (
                    <HoursIntervalRow
                      key={index}
                      interval={interval}
                      onChange={(next) => setWeekly(draft.weekly.map((item, i) => (i === index ? next : item)))}
                      onRemove={() => setWeekly(draft.weekly.filter((_, i) => i !== index))}
                    />
                  ))}
                  <Button
                    type="link"
                    size="small"
                    icon={<PlusOutlined />}
                    style={{ alignSelf: "flex-start", paddingInline: 0 }}
                    data-testid={`hours-add-${day}`}
                    onClick={() => setWeekly([...draft.weekly, { day, ...DEFAULT_INTERVAL }])}
                  >
                    {t("routing.hours.addInterval")}
                  </Button>
                </Flex>
              </Flex>
            );
          })}
        </Flex>
      </Form.Item>
      <Form.Item label={t("routing.hours.holidays")}>
        <Flex vertical gap={8}>
          {draft.holidays.length === 0 ? (
            <Typography.Text type="secondary">{t("routing.hours.noHolidays")}</Typography.Text>
          ) : null}
          {draft.holidays.map((holiday, index) => (
            <Flex key={index} gap={8} wrap align="center" data-testid="hours-holiday">
              <DatePicker
                aria-label={t("routing.hours.holidayDate")}
                allowClear={false}
                value={dayjs(holiday.date)}
                format="L"
                inputReadOnly
                style={{ width: 140 }}
                onChange={(date) =>
                  date &&
                  setHolidays(
                    draft.holidays.map((item, i) =>
                      i === index ? { ...item, date: date.format("YYYY-MM-DD") } : item,
                    ),
                  )
                }
              />
              <Input
                aria-label={t("routing.hours.holidayName")}
                placeholder={t("routing.hours.holidayNamePlaceholder")}
                maxLength={80}
                value={holiday.name}
                style={{ flex: 1, minWidth: 100 }}
                onChange={(event) =>
                  setHolidays(
                    draft.holidays.map((item, i) => (i === index ? { ...item, name: event.target.value } : item)),
                  )
                }
              />
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("routing.hours.removeHoliday")}
                onClick={() => setHolidays(draft.holidays.filter((_, i) => i !== index))}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            style={{ alignSelf: "flex-start" }}
            data-testid="hours-add-holiday"
            disabled={isPending || draft.holidays.length >= 100}
            onClick={() => setHolidays([...draft.holidays, { date: dayjs().format("YYYY-MM-DD"), name: "" }])}
          >
            {t("routing.hours.addHoliday")}
          </Button>
        </Flex>
      </Form.Item>
      {isInvalid ? (
        <Alert type="warning" showIcon title={t("routing.hours.invalidInterval")} style={{ marginBottom: 16 }} />
      ) : null}
      <Button
        type="primary"
        data-testid="hours-save"
        loading={isPending}
        disabled={isPending || isInvalid}
        onClick={() => void handleSave()}
      >
        {t("routing.hours.save")}
      </Button>
    </Form>
  );
}
