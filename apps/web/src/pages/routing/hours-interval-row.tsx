import { DeleteOutlined } from "@ant-design/icons";
import { Button, Flex, TimePicker } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { isValidInterval, type WeeklyInterval } from "./routing-values";

const TIME_FORMAT = "HH:mm";

interface HoursIntervalRowProps {
  interval: WeeklyInterval;
  onChange: (interval: WeeklyInterval) => void;
  onRemove: () => void;
}

/** One opening interval of a weekday: opens, closes, remove. */
export function HoursIntervalRow({ interval, onChange, onRemove }: HoursIntervalRowProps) {
  const { t } = useTranslation();
  const status = isValidInterval(interval) ? undefined : "error";
  const toTime = (value: string) => dayjs(`2000-01-01T${value}`);
  return (
    <Flex gap={8} align="center" wrap data-testid="hours-interval">
      <TimePicker
        aria-label={t("routing.hours.open")}
        format={TIME_FORMAT}
        minuteStep={5}
        needConfirm={false}
        allowClear={false}
        inputReadOnly
        status={status}
        value={toTime(interval.open)}
        onChange={(time) => time && onChange({ ...interval, open: time.format(TIME_FORMAT) })}
        style={{ width: 100 }}
      />
      <span aria-hidden>–</span>
      <TimePicker
        aria-label={t("routing.hours.close")}
        format={TIME_FORMAT}
        minuteStep={5}
        needConfirm={false}
        allowClear={false}
        inputReadOnly
        status={status}
        value={toTime(interval.close)}
        onChange={(time) => time && onChange({ ...interval, close: time.format(TIME_FORMAT) })}
        style={{ width: 100 }}
      />
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t("routing.hours.removeInterval")}
        onClick={onRemove}
      />
    </Flex>
  );
}
