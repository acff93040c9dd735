import { useState } from "react";
import type { TVoicemailGreeting } from "@app/telnyx-core/routing/routing-schemas";
import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";

const MAX_GREETING = 500;

/** Call routing → voicemail greeting: what callers hear before the beep. */
export function VoicemailCard() {
  const { t } = useTranslation();
  const greeting = trpc.routing.voicemail.get.useQuery(undefined);
  return (
    <Card title={t("routing.voicemail.title")} data-testid="routing-voicemail">
      <Typography.Paragraph type="secondary">{t("routing.voicemail.description")}</Typography.Paragraph>
      {greeting.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={translateError(t, greeting.error)}
          action={
            <Button size="small" onClick={() => void greeting.refetch()}>
              {t("common.retry")}
            </Button>
          }
        />
      ) : null}
      {greeting.isPending ? <Typography.Text type="secondary">{t("common.loading")}</Typography.Text> : null}
      {greeting.data ? <GreetingEditor key={greeting.data.text} saved={greeting.data} /> : null}
    </Card>
  );
}

function GreetingEditor({ saved }: { saved: TVoicemailGreeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const utils = trpc.useUtils();
  const [text, setText] = useState(saved.text);
  const save = trpc.routing.voicemail.set.useMutation({
    onSuccess: (greeting) => utils.routing.voicemail.get.setData(undefined, greeting),
  });
  const isEmpty = text.trim().length === 0;
  const isUnchanged = text.trim() === saved.text && !saved.isDefault;

  async function handleSave() {
    try {
      await save.mutateAsync({ text: text.trim() });
      void message.success(t("routing.voicemail.saved"));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  return (
    <Form layout="vertical" disabled={save.isPending} component="div">
      <Form.Item
        label={t("routing.voicemail.greeting")}
        htmlFor="voicemail-greeting"
        extra={saved.isDefault ? t("routing.voicemail.defaultNote") : null}
        validateStatus={isEmpty ? "error" : undefined}
        help={isEmpty ? t("validation.required") : undefined}
      >
        <Input.TextArea
          id="voicemail-greeting"
          data-testid="voicemail-greeting"
          rows={3}
          maxLength={MAX_GREETING}
          showCount
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </Form.Item>
      <Button
        type="primary"
        data-testid="voicemail-save"
        loading={save.isPending}
        disabled={save.isPending || isEmpty || isUnchanged}
        onClick={() => void handleSave()}
      >
        {t("routing.voicemail.save")}
      </Button>
    </Form>
  );
}
