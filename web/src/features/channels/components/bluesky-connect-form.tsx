import {
  APP_PASSWORD_PATTERN,
  BLUESKY_APP_PASSWORDS_URL,
  DEFAULT_BLUESKY_SERVICE,
} from "@dm-desk/shared/contracts/bluesky";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { BlueskyIcon } from "@/components/ui/brand-icons.tsx";
import { Button } from "@/components/ui/button.tsx";
import { FormField } from "@/components/ui/form-field.tsx";
import { useConnectBluesky } from "@/features/channels/api/connect-bluesky.ts";
import { channelPermissions } from "@/features/channels/utils/permissions.ts";

/**
 * Connect a Bluesky account: its handle and an app password, on bsky.social or the person's own
 * server. The form says, before anything is typed, never to use the main password.
 */
export function BlueskyConnectForm({ workspace }: { workspace: MyWorkspace }) {
  const { canConnect } = channelPermissions(workspace);
  const [isOpen, setIsOpen] = useState(false);
  // once the form has been open, closing it (Cancel or connected) gives the focus back to the button
  const [wasOpen, setWasOpen] = useState(false);
  const open = (next: boolean) => {
    setIsOpen(next);
    if (!next) setWasOpen(true);
  };
  const [identifier, setIdentifier] = useState("");
  const [appPassword, setAppPassword] = useState("");
  const [serviceUrl, setServiceUrl] = useState(DEFAULT_BLUESKY_SERVICE);
  const connect = useConnectBluesky({
    onSuccess: () => {
      setAppPassword("");
      open(false);
    },
  });
  const looksLikeAppPassword = APP_PASSWORD_PATTERN.test(appPassword.trim());
  const passwordError = appPassword && !looksLikeAppPassword
    ? "That is not an app password (xxxx-xxxx-xxxx-xxxx). Never use your main password."
    : undefined;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!looksLikeAppPassword) return;
    connect.mutate({
      imo_id: workspace.imo_id,
      identifier: identifier.trim(),
      app_password: appPassword.trim(),
      service_url: serviceUrl.trim() || DEFAULT_BLUESKY_SERVICE,
    });
  };

  if (!isOpen) {
    return (
      <div className="space-y-2">
        <Button
          variant="secondary"
          disabled={!canConnect}
          autoFocus={wasOpen}
          onClick={() => open(true)}
        >
          <BlueskyIcon className="size-4" />
          Connect Bluesky
        </Button>
        {connect.isSuccess && (
          <Alert tone="success">
            {`@${connect.data.handle} is connected.${
              connect.data.dm_access
                ? ""
                : " This app password cannot read DMs: make one with “Allow access to your direct messages” to answer them here."
            }`}
          </Alert>
        )}
      </div>
    );
  }

  return (
    <form
      aria-label="Connect Bluesky"
      onSubmit={handleSubmit}
      className="max-w-md space-y-3 rounded-md border border-neutral-200 p-4"
    >
      <div className="flex items-center gap-2 text-sm font-medium text-neutral-900">
        <BlueskyIcon className="size-4" />
        Connect a Bluesky account
      </div>
      <Alert tone="warning">
        Use an{" "}
        <strong>app password</strong>, never your main Bluesky password. Make one in Bluesky under
        Settings › Privacy and security ›{" "}
        <a
          href={BLUESKY_APP_PASSWORDS_URL}
          target="_blank"
          rel="noreferrer"
          className="font-medium underline"
        >
          App passwords
        </a>
        , and tick “Allow access to your direct messages” to answer DMs here.
      </Alert>
      <FormField
        label="Handle"
        name="identifier"
        autoFocus
        placeholder="yourname.bsky.social"
        autoComplete="username"
        required
        value={identifier}
        onChange={(event) => setIdentifier(event.target.value)}
      />
      <FormField
        label="App password"
        name="app_password"
        type="password"
        placeholder="xxxx-xxxx-xxxx-xxxx"
        autoComplete="off"
        required
        value={appPassword}
        error={passwordError}
        onChange={(event) => setAppPassword(event.target.value)}
      />
      <FormField
        label="Server"
        name="service_url"
        type="url"
        required
        value={serviceUrl}
        onChange={(event) => setServiceUrl(event.target.value)}
      />
      <p className="text-xs text-neutral-500">
        Leave the server as bsky.social unless your account lives on your own PDS.
      </p>
      {connect.error && <Alert>{connect.error.message}</Alert>}
      <div className="flex gap-2">
        <Button
          type="submit"
          disabled={!canConnect || !looksLikeAppPassword || !identifier.trim()}
          isPending={connect.isPending}
          pendingLabel="Connecting…"
        >
          Connect
        </Button>
        <Button type="button" variant="secondary" onClick={() => open(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
