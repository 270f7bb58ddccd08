import {
  type AiSettings,
  type AiSettingsResponse,
  aiSettingsSchema,
} from "@dm-desk/shared/contracts/ai-assistant";
import { AI_MODES } from "@dm-desk/shared/schemas/enums";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { LoadError } from "@/components/ui/load-error.tsx";
import { useAiSettings } from "@/features/ai-settings/api/get-ai-settings.ts";
import { useSaveAiSettings } from "@/features/ai-settings/api/save-ai-settings.ts";
import { AccountAiDefaults } from "@/features/ai-settings/components/account-ai-defaults.tsx";
import { ReplyTemplatesFields } from "@/features/ai-settings/components/reply-templates-fields.tsx";
import { FieldProblem, problemProps } from "@/features/ai-settings/components/field-problem.tsx";

const MODE_TEXT = {
  off: "Off: the AI analyses messages but never writes",
  supervised: "Supervised: the AI drafts, a person approves, edits or discards",
  autopilot: "Autopilot: the AI sends above the threshold, otherwise drafts",
} as const;

const INPUT =
  "mt-1 block w-full rounded-md border border-neutral-300 dark:border-zinc-700 px-2 py-1.5 text-sm disabled:bg-neutral-50 dark:disabled:bg-zinc-900";

/** Settings › AI: the mode new conversations start in, autopilot's threshold, the lease, links, replies. */
export function AiSettingsSection({ imoId }: { imoId: string }) {
  const settings = useAiSettings(imoId);
  return (
    <section aria-labelledby="ai-heading" className="space-y-5">
      <div>
        <h2 id="ai-heading" className="text-base font-semibold text-neutral-900 dark:text-zinc-50">
          AI assistant
        </h2>
        <p className="mt-1 text-sm text-neutral-500 dark:text-zinc-400">
          Every new message is analysed (intent, contact details, sentiment). Here you decide what
          the AI may do with it.
        </p>
      </div>
      {settings.status === "pending" && (
        <div
          aria-busy="true"
          className="h-64 animate-pulse rounded-xl border border-neutral-200 dark:border-zinc-800 bg-neutral-50 dark:bg-zinc-900"
        />
      )}
      {settings.status === "error" && (
        <LoadError
          message={`Couldn't load the AI settings: ${settings.error.message}`}
          isRetrying={settings.isRefetching}
          onRetry={() => settings.refetch()}
        />
      )}
      {settings.status === "success" && <AiSettingsForm imoId={imoId} data={settings.data} />}
    </section>
  );
}

function AiSettingsForm({ imoId, data }: { imoId: string; data: AiSettingsResponse }) {
  const [form, setForm] = useState<AiSettings>(data.settings);
  // what the settings' rules say of a field, by its path ("booking_link", "reply_templates.price")
  const [problems, setProblems] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const save = useSaveAiSettings(imoId);
  const isDisabled = !data.can_edit || save.isPending;
  const set = <K extends keyof AiSettings>(key: K, value: AiSettings[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setProblems((current) =>
      Object.fromEntries(Object.entries(current).filter(([path]) => path.split(".")[0] !== key))
    );
  };
  const problemOf = (path: string) => problems[path];

  return (
    <form
      ref={formRef}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const checked = aiSettingsSchema.safeParse(form);
        if (!checked.success) {
          setProblems(Object.fromEntries(
            checked.error.issues.reverse().map((issue) => [issue.path.join("."), issue.message]),
          ));
          // after the render that marks them: the first field to fix takes the focus
          setTimeout(() =>
            formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
          );
          return;
        }
        save.mutate(form);
      }}
    >
      <p className="rounded-md bg-neutral-50 dark:bg-zinc-900 px-3 py-2 text-xs text-neutral-600 dark:text-zinc-300">
        {`Provider: ${data.provider.name} (${data.provider.model})`}
        {!data.provider.configured &&
          " — the LLM settings are incomplete; the offline model answers"}
      </p>
      {!data.can_edit && (
        <p className="text-xs text-neutral-500 dark:text-zinc-400">
          Only owners and admins change these settings.
        </p>
      )}
      <label className="block">
        <span className="text-sm font-medium text-neutral-900 dark:text-zinc-50">
          New conversations start in
        </span>
        <select
          value={form.default_mode}
          disabled={isDisabled}
          onChange={(event) =>
            set("default_mode", AI_MODES.find((m) => m === event.target.value) ?? "off")}
          className={INPUT}
        >
          {AI_MODES.map((mode) => <option key={mode} value={mode}>{MODE_TEXT[mode]}</option>)}
        </select>
      </label>
      <AccountAiDefaults imoId={imoId} data={data} />
      <div className="grid gap-4 sm:grid-cols-3">
        <NumberField
          label="Autopilot threshold (%)"
          value={Math.round(form.autopilot_threshold * 100)}
          min={50}
          max={100}
          isDisabled={isDisabled}
          onChange={(value) => set("autopilot_threshold", value / 100)}
        />
        <NumberField
          label="Takeover lease (minutes)"
          value={form.lease_minutes}
          min={5}
          max={240}
          isDisabled={isDisabled}
          onChange={(value) => set("lease_minutes", value)}
        />
        <label className="block">
          <span className="text-sm font-medium text-neutral-900 dark:text-zinc-50">Time zone</span>
          {/* a list, not free text: the server takes only zones it knows */}
          <select
            value={form.time_zone}
            disabled={isDisabled}
            onChange={(event) => set("time_zone", event.target.value)}
            className={INPUT}
          >
            {timeZonesWith(form.time_zone).map((zone) => (
              <option key={zone} value={zone}>{zone.replace(/_/g, " ")}</option>
            ))}
          </select>
        </label>
      </div>
      <label className="block">
        <span className="text-sm font-medium text-neutral-900 dark:text-zinc-50">Booking link</span>
        <input
          type="url"
          value={form.booking_link ?? ""}
          placeholder="https://cal.com/your-team/intro"
          disabled={isDisabled}
          onChange={(event) => set("booking_link", event.target.value || null)}
          {...problemProps("booking_link", problemOf("booking_link"))}
          className={INPUT}
        />
        <FieldProblem path="booking_link" message={problemOf("booking_link")} />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-neutral-900 dark:text-zinc-50">Payment link</span>
        <input
          value={form.payment_link_template ?? ""}
          placeholder="https://pay.example.com/checkout?amount={{amount}}"
          disabled={isDisabled}
          onChange={(event) => set("payment_link_template", event.target.value || null)}
          {...problemProps("payment_link_template", problemOf("payment_link_template"))}
          className={INPUT}
        />
        <FieldProblem path="payment_link_template" message={problemOf("payment_link_template")} />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-neutral-900 dark:text-zinc-50">
          Instructions for the LLM
        </span>
        <textarea
          rows={3}
          value={form.instructions ?? ""}
          placeholder="Tone, what to ask first, what never to promise…"
          disabled={isDisabled}
          onChange={(event) => set("instructions", event.target.value || null)}
          {...problemProps("instructions", problemOf("instructions"))}
          className={INPUT}
        />
        <FieldProblem path="instructions" message={problemOf("instructions")} />
      </label>
      <ReplyTemplatesFields
        templates={form.reply_templates}
        isDisabled={isDisabled}
        problems={problems}
        onChange={(templates) => set("reply_templates", templates)}
      />
      {data.can_edit && (
        <Button type="submit" size="sm" isPending={save.isPending} pendingLabel="Saving…">
          Save
        </Button>
      )}
    </form>
  );
}

type NumberFieldProps = {
  label: string;
  value: number;
  min: number;
  max: number;
  isDisabled: boolean;
  onChange: (value: number) => void;
};

// What is typed stays as typed (an emptied field stays empty while the person types a new
// number); the form takes it once it is a number, and the browser holds the form to min and max.
function NumberField({ label, value, min, max, isDisabled, onChange }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  return (
    <label className="block">
      <span className="text-sm font-medium text-neutral-900 dark:text-zinc-50">{label}</span>
      <input
        type="number"
        required
        min={min}
        max={max}
        value={text}
        disabled={isDisabled}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() !== "" && Number.isFinite(event.target.valueAsNumber)) {
            onChange(event.target.valueAsNumber);
          }
        }}
        className={INPUT}
      />
    </label>
  );
}

/** The zones this browser knows, with the stored one kept even if it does not know it. */
function timeZonesWith(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(current) ? zones : [current, ...zones];
}
