import { type AiSettingsResponse, MODE_LABELS } from "@dm-desk/shared/contracts/ai-assistant";
import { AI_MODES } from "@dm-desk/shared/schemas/enums";
import { useSaveAccountAiDefault } from "@/features/ai-settings/api/save-account-ai-default.ts";

type AccountAiDefaultsProps = {
  imoId: string;
  data: AiSettingsResponse;
};

/**
 * Per connected account: the mode its new conversations start in, or the workspace's default.
 * Saved at once on change (owners and admins).
 */
export function AccountAiDefaults({ imoId, data }: AccountAiDefaultsProps) {
  const save = useSaveAccountAiDefault(imoId);
  if (data.accounts.length === 0) return null;
  const workspaceDefault = MODE_LABELS[data.settings.default_mode];
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-neutral-900 dark:text-zinc-50">
        Per account
      </legend>
      <p className="text-xs text-neutral-500 dark:text-zinc-400">
        An account can start its new conversations in a mode of its own.
      </p>
      <ul className="divide-y divide-neutral-200 rounded-md border border-neutral-200 text-xs dark:divide-zinc-800 dark:border-zinc-800">
        {data.accounts.map((account) => {
          const name = `@${account.username ?? account.id.slice(0, 8)}`;
          return (
            <li key={account.id} className="flex items-center justify-between gap-2 px-2 py-1.5">
              <span className="truncate text-neutral-800 dark:text-zinc-200">
                {name}
                <span className="ml-1 text-[10px] text-neutral-500">{account.platform}</span>
              </span>
              <label>
                <span className="sr-only">{`Default AI mode for ${name}`}</span>
                <select
                  value={account.default_mode ?? ""}
                  disabled={!data.can_edit || save.isPending}
                  onChange={(event) =>
                    save.mutate({
                      accountId: account.id,
                      default_mode: AI_MODES.find((m) =>
                        m === event.target.value
                      ) ?? null,
                    })}
                  className="h-7 rounded-md border border-neutral-300 bg-white px-1 text-xs disabled:bg-neutral-50 dark:border-zinc-700 dark:bg-zinc-900"
                >
                  <option value="">{`Workspace default (${workspaceDefault})`}</option>
                  {AI_MODES.map((mode) => (
                    <option key={mode} value={mode}>{MODE_LABELS[mode]}</option>
                  ))}
                </select>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
