export function MembersSkeleton() {
  return (
    <div
      aria-busy="true"
      className="divide-y divide-neutral-100 dark:divide-zinc-800 rounded-lg border border-neutral-200 dark:border-zinc-800"
    >
      <span className="sr-only">Loading members…</span>
      {[0, 1, 2].map((row) => (
        <div key={row} className="flex animate-pulse items-center gap-3 px-4 py-3">
          <div className="size-8 rounded-full bg-neutral-200 dark:bg-zinc-700" />
          <div className="flex-1 space-y-1.5">
            <div className="h-3 w-40 rounded bg-neutral-200 dark:bg-zinc-700" />
            <div className="h-2.5 w-56 max-w-full rounded bg-neutral-100 dark:bg-zinc-800" />
          </div>
          <div className="h-5 w-16 rounded bg-neutral-100 dark:bg-zinc-800" />
        </div>
      ))}
    </div>
  );
}
