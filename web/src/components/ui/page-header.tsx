import type { ReactNode } from "react";

type PageHeaderProps = { title: string; children?: ReactNode };

export function PageHeader({ title, children }: PageHeaderProps) {
  return (
    <header className="flex h-11 shrink-0 items-center justify-between border-b border-neutral-200 bg-white px-3 md:h-14 md:px-6 dark:border-zinc-800 dark:bg-zinc-950">
      <h1 className="text-[15px] font-semibold text-neutral-900 dark:text-zinc-50">{title}</h1>
      {children}
    </header>
  );
}
