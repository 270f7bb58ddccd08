import type { ReactNode } from "react";

type AuthLayoutProps = {
  title: string;
  subtitle: string;
  footer: ReactNode;
  children: ReactNode;
};

export function AuthLayout({ title, subtitle, footer, children }: AuthLayoutProps) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-neutral-50 dark:bg-zinc-950 px-4 py-12">
      <title>{`${title} · DM Desk`}</title>
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <div className="mb-5 flex size-11 items-center justify-center rounded-xl bg-indigo-600 text-lg font-bold text-white shadow-sm">
            D
          </div>
          <h1 className="text-xl font-semibold tracking-tight text-neutral-900 dark:text-zinc-50">
            {title}
          </h1>
          <p className="mt-1.5 text-sm text-neutral-500 dark:text-zinc-400">{subtitle}</p>
        </div>
        <div className="rounded-xl border border-neutral-200 dark:border-zinc-800 bg-white dark:bg-zinc-900 p-6 shadow-sm sm:p-8">
          {children}
        </div>
        <p className="mt-6 text-center text-sm text-neutral-500 dark:text-zinc-400">{footer}</p>
      </div>
    </div>
  );
}
