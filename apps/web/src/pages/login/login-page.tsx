import { useState, type FormEvent, type ReactNode } from "react";
import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Input, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { LanguageSwitch } from "../../layout/language-switch";
import { trpc } from "../../lib/trpc";
import { validateLogin, type LoginErrors, type LoginValues } from "./login-values";
import { readReturnPath } from "./return-path";
import { useLogin } from "./use-login";

interface LoginFieldProps {
  id: string;
  label: string;
  error: string | null;
  children: ReactNode;
}

/** Label, input and its error in antd's vertical form look, without antd Form (~20 KB gzip on the first page). */
function LoginField({ id, label, error, children }: LoginFieldProps) {
  const { token } = theme.useToken();
  return (
    <div style={{ marginBottom: error ? 0 : token.marginLG, fontSize: token.fontSize }}>
      <label htmlFor={id} style={{ display: "block", paddingBottom: token.paddingXS, color: token.colorText }}>
        {label}
      </label>
      {children}
      {error ? (
        <div
          id={`${id}-error`}
          role="alert"
          style={{ color: token.colorError, minHeight: token.marginLG, lineHeight: token.lineHeight }}
        >
          {error}
        </div>
      ) : null}
    </div>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const location = useLocation();
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 5 * 60_000 });
  const { submit, isSubmitting, errorText, clearError } = useLogin();
  const [values, setValues] = useState<LoginValues>({ email: "", password: "" });
  // Checked on submit, then on every change until the form is valid, as antd's Form did.
  const [errors, setErrors] = useState<LoginErrors | null>(null);

  if (me.data) return <Navigate to={readReturnPath(location.state)} replace />;

  const change = (field: keyof LoginValues, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (errors) setErrors(validateLogin(next));
    if (errorText) clearError();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateLogin(values);
    setErrors(found);
    if (Object.keys(found).length === 0) submit({ email: values.email.trim(), password: values.password });
  };
  const emailError = errors?.email ? t(`login.${errors.email}`) : null;
  const passwordError = errors?.password ? t(`login.${errors.password}`) : null;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: "100vh", background: token.colorBgLayout, padding: 16 }}
    >
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
          <Alert
            type="error"
            showIcon
            title={errorText}
            data-testid="login-error"
            role="alert"
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <form noValidate onSubmit={onSubmit}>
          <LoginField id="login-email" label={t("login.email")} error={emailError}>
            <Input
              id="login-email"
              type="email"
              autoComplete="username"
              autoFocus
              prefix={<MailOutlined />}
              placeholder={t("login.emailPlaceholder")}
              value={values.email}
              onChange={(event) => change("email", event.target.value)}
              status={emailError ? "error" : undefined}
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? "login-email-error" : undefined}
            />
          </LoginField>
          <LoginField id="login-password" label={t("login.password")} error={passwordError}>
            <Input.Password
              id="login-password"
              autoComplete="current-password"
              prefix={<LockOutlined />}
              value={values.password}
              onChange={(event) => change("password", event.target.value)}
              status={passwordError ? "error" : undefined}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? "login-password-error" : undefined}
            />
          </LoginField>
          <Button type="primary" htmlType="submit" block loading={isSubmitting} data-testid="login-submit">
            {t("login.submit")}
          </Button>
        </form>
      </div>
    </Flex>
  );
}
