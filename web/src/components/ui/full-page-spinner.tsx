import { Spinner } from "@/components/ui/spinner.tsx";

export function FullPageSpinner() {
  return (
    <div className="flex h-dvh items-center justify-center bg-neutral-50 dark:bg-zinc-900 text-neutral-400 dark:text-zinc-500">
      <Spinner className="size-6" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
