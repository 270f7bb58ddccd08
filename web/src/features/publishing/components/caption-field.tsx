import { useId } from "react";
import { BLUESKY_POST_MAX_GRAPHEMES, graphemeLength } from "@dm-desk/shared/rules/bluesky-text";
import {
  captionCharacters,
  captionHashtags,
  captionMentions,
  INSTAGRAM_CAPTION_MAX_CHARACTERS,
  INSTAGRAM_CAPTION_MAX_HASHTAGS,
  INSTAGRAM_CAPTION_MAX_MENTIONS,
  type PublishingPlatform,
} from "@dm-desk/shared/rules/publishing";

type CaptionFieldProps = {
  value: string;
  platforms: PublishingPlatform[];
  onChange: (value: string) => void;
  autoFocus?: boolean;
};

// The caption with each chosen platform's limits counted as the person types: Instagram's
// characters, hashtags and @ tags; Bluesky's characters as it counts them (graphemes).
export function CaptionField({ value, platforms, onChange, autoFocus }: CaptionFieldProps) {
  const id = useId();
  const counters = [
    ...(platforms.includes("instagram")
      ? [
        {
          label: "Instagram",
          used: captionCharacters(value),
          max: INSTAGRAM_CAPTION_MAX_CHARACTERS,
        },
        { label: "#", used: captionHashtags(value), max: INSTAGRAM_CAPTION_MAX_HASHTAGS },
        { label: "@", used: captionMentions(value), max: INSTAGRAM_CAPTION_MAX_MENTIONS },
      ]
      : []),
    ...(platforms.includes("bluesky")
      ? [{ label: "Bluesky", used: graphemeLength(value), max: BLUESKY_POST_MAX_GRAPHEMES }]
      : []),
  ];
  return (
    <div className="space-y-1">
      <label
        htmlFor={id}
        className="block text-[11px] font-medium text-zinc-600 dark:text-zinc-300"
      >
        Caption
      </label>
      <textarea
        id={id}
        value={value}
        rows={5}
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-counts`}
        placeholder="What's new? #hiring"
        className="block w-full resize-y rounded-md border border-zinc-300 bg-white px-2.5 py-2 text-xs text-zinc-900 placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-50 dark:placeholder:text-zinc-500"
      />
      <p
        id={`${id}-counts`}
        className="flex flex-wrap gap-x-3 text-[10px] tabular-nums"
        aria-live="polite"
      >
        {counters.map((counter) => (
          <span
            key={counter.label}
            className={counter.used > counter.max
              ? "font-semibold text-red-600 dark:text-red-400"
              : "text-zinc-500 dark:text-zinc-400"}
          >
            {counter.label} {counter.used.toLocaleString()}/{counter.max.toLocaleString()}
          </span>
        ))}
      </p>
    </div>
  );
}
