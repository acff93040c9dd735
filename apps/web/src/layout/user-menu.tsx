import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { lazy, Suspense, useState } from "react";
import { App, Avatar, Button, Flex, Tag, Typography } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { endSession } from "../auth/session-cache";
import { useSession } from "../auth/session-context";
import { translateError } from "../lib/app-error";
import { trpc } from "../lib/trpc";

// The profile form (antd Form, inputs, validation) loads when the user opens it, not with every page.
const ProfileModal = lazy(async () => ({ default: (await import("./profile-modal")).ProfileModal }));

/** `isCompact` (phones): the avatar and a logout icon only. */
export function UserMenu({ isCompact = false }: { isCompact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user, role } = useSession();
  const queryClient = useQueryClient();
  const [isProfileOpen, setProfileOpen] = useState(false);
  const logout = trpc.auth.logout.useMutation({
    onSuccess: () => endSession(queryClient),
    onError: (error) => void message.error(translateError(t, error)),
  });

  return (
    <Flex align="center" gap={8}>
      <Button
        type="text"
        data-testid="profile-open"
        title={t("profile.open")}
        onClick={() => setProfileOpen(true)}
        style={{ paddingInline: 4 }}
      >
        <Avatar size="small" icon={<UserOutlined />} />
        <Typography.Text
          strong
          data-testid="current-user"
          ellipsis
          style={{ maxWidth: 160, display: isCompact ? "none" : undefined }}
        >
          {user.name}
        </Typography.Text>
      </Button>
      {isProfileOpen ? (
        <Suspense fallback={null}>
          <ProfileModal open onClose={() => setProfileOpen(false)} />
        </Suspense>
      ) : null}
      {isCompact ? null : (
        <Tag data-testid="current-role" variant="filled">
          {t(`roles.${role}`)}
        </Tag>
      )}
      <Button
        data-testid="logout"
        type="text"
        icon={<LogoutOutlined />}
        loading={logout.isPending}
        aria-label={isCompact ? t("common.logout") : undefined}
        title={isCompact ? t("common.logout") : undefined}
        onClick={() => logout.mutate()}
      >
        {isCompact ? null : t("common.logout")}
      </Button>
    </Flex>
  );
}
