import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Form, Input, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { LanguageSwitch } from "../../layout/language-switch";
import { trpc } from "../../lib/trpc";
import { readReturnPath } from "./return-path";
import { useLogin } from "./use-login";

interface LoginValues {
  email: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const location = useLocation();
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 5 * 60_000 });
  const { submit, isSubmitting, errorText, clearError } = useLogin();

  if (me.data) return <Navigate to={readReturnPath(location.state)} replace />;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: "100vh", background: token.colorBgLayout, padding: 16 }}>
      <div style={{ position: "absolute", top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      {/* A plain panel rather than antd Card: Card pulls in Tabs, Dropdown and Menu, too heavy for the login route. */}
      <div
        style={{
          width: "100%",
          maxWidth: 400,
          boxSizing: "border-box",
          padding: token.paddingLG,
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          boxShadow: token.boxShadowTertiary,
        }}
      >
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t("login.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("login.subtitle")}</Typography.Paragraph>
        {errorText ? (
          <Alert type="error" showIcon title={errorText} data-testid="login-error" role="alert" style={{ marginBottom: 16 }} />
        ) : null}
        <Form<LoginValues>
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          onValuesChange={() => errorText && clearError()}
        >
          <Form.Item
            name="email"
            label={t("login.email")}
            htmlFor="login-email"
            rules={[
              { required: true, message: t("login.emailRequired") },
              { type: "email", message: t("login.emailInvalid") },
            ]}
          >
            <Input id="login-email" type="email" autoComplete="username" autoFocus prefix={<MailOutlined />}
              placeholder={t("login.emailPlaceholder")} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            htmlFor="login-password"
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password id="login-password" autoComplete="current-password" prefix={<LockOutlined />} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isSubmitting} data-testid="login-submit">
            {t("login.submit")}
          </Button>
        </Form>
      </div>
    </Flex>
  );
}
