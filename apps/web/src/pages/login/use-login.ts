import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { startSession } from "../../auth/session-cache";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";

/** Signs in; once the session is in the cache, the login page redirects by itself. */
export function useLogin() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const login = trpc.auth.login.useMutation({
    onSuccess: (me) => startSession(queryClient, me),
  });
  return {
    submit: (values: { email: string; password: string }) => login.mutate(values),
    isSubmitting: login.isPending,
    errorText: login.error ? translateError(t, login.error) : null,
    clearError: () => login.reset(),
  };
}
