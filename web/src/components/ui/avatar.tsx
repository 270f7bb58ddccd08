import { useState } from "react";

type AvatarProps = { name: string; src?: string | null; className?: string };

// A picture when there is one that loads, otherwise the name's first letter: Instagram's CDN
// URLs expire, so a broken image falls back instead of showing the browser's icon.
export function Avatar({ name, src, className = "size-8 text-xs" }: AvatarProps) {
  const [hasFailed, setHasFailed] = useState(false);
  const initial = name.replace(/^@/, "").charAt(0).toUpperCase() || "?";
  if (src && !hasFailed) {
    return (
      <img
        src={src}
        alt=""
        onError={() => setHasFailed(true)}
        className={`shrink-0 rounded-full bg-zinc-200 object-cover dark:bg-zinc-700 ${className}`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`flex shrink-0 items-center justify-center rounded-full bg-zinc-200 font-semibold text-zinc-600 dark:bg-zinc-700 dark:text-zinc-200 ${className}`}
    >
      {initial}
    </span>
  );
}
