import { ExternalLink } from "lucide-react";

/** A public post's page on Bluesky, under its bubble: the whole thread is there. */
export function PostLink({ url }: { url: string }) {
  return (
    <a
      href={url}
      target="_blank"
      rel="noreferrer"
      className="mt-0.5 inline-flex items-center gap-0.5 text-[10px] text-zinc-500 underline-offset-2 hover:text-zinc-800 hover:underline dark:hover:text-zinc-200"
    >
      <ExternalLink className="size-2.5" aria-hidden="true" />
      View on Bluesky
    </a>
  );
}
