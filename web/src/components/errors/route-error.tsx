import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { paths } from "@/config/paths.ts";

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
    ? error.message
    : "Unknown error";

  return (
    <div role="alert" className="flex h-dvh flex-col items-center justify-center gap-3 p-8">
      <h1 className="text-lg font-semibold text-neutral-900 dark:text-zinc-50">
        Something went wrong
      </h1>
      <p className="max-w-md text-center text-sm text-neutral-500 dark:text-zinc-400">{message}</p>
      {/* A full reload, not a client-side navigation: the error may have left the app in a bad state. */}
      <a
        href={paths.home.getHref()}
        className="text-sm font-medium text-indigo-600 dark:text-indigo-400 hover:text-indigo-500"
      >
        Reload DM Desk
      </a>
    </div>
  );
}

export function NotFound() {
  return (
    <div className="flex h-dvh flex-col items-center justify-center gap-3 p-8">
      <title>Not found · DM Desk</title>
      <h1 className="text-lg font-semibold text-neutral-900 dark:text-zinc-50">Page not found</h1>
      <Link
        to={paths.home.getHref()}
        className="text-sm font-medium text-indigo-600 dark:text-indigo-400 hover:text-indigo-500"
      >
        Go to your inbox
      </Link>
    </div>
  );
}
