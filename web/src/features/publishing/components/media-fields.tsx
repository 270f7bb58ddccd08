import { ImagePlus, Link2, Trash2, Upload } from "lucide-react";
import { useRef } from "react";
import { toast } from "sonner";
import type { PublicationMedia } from "@dm-desk/shared/rules/publishing";
import { readAsDataUrl } from "@/features/publishing/utils/composer-draft.ts";

type MediaFieldsProps = {
  media: PublicationMedia[];
  max: number;
  /** where each problem is ("media.<i>.url" ...) to its message */
  problems: Map<string, string>;
  onChange: (media: PublicationMedia[]) => void;
};

const inputClass =
  "block h-8 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-xs text-zinc-900 placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-50 dark:placeholder:text-zinc-500";

// Images in order (the first is the cover), each by web address or an uploaded picture, with its
// alt text. Instagram fetches images from a public address; an upload goes to Bluesky only.
export function MediaFields({ media, max, problems, onChange }: MediaFieldsProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const change = (index: number, patch: Partial<PublicationMedia>) =>
    onChange(media.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  async function upload(files: FileList | null) {
    const room = Math.max(0, max - media.length);
    const chosen = [...(files ?? [])].slice(0, room);
    try {
      const urls = await Promise.all(chosen.map(readAsDataUrl));
      onChange([...media, ...urls.map((url) => ({ url, alt_text: "" }))]);
    } catch (error) {
      toast.error(`Couldn't read the picture: ${(error as Error).message}`);
    }
  }

  return (
    <fieldset className="space-y-1.5">
      <legend className="text-[11px] font-medium text-zinc-600 dark:text-zinc-300">
        Images <span className="font-normal text-zinc-400">({media.length}/{max})</span>
      </legend>
      {media.length === 0 && (
        <p className="text-[11px] text-zinc-500 dark:text-zinc-400">
          Instagram needs at least one image; Bluesky takes text alone.
        </p>
      )}
      <ol className="space-y-2">
        {media.map((item, index) => {
          const urlProblem = problems.get(`media.${index}.url`);
          const altProblem = problems.get(`media.${index}.alt_text`);
          const isUpload = item.url.startsWith("data:");
          return (
            <li
              key={index}
              className="grid grid-cols-[2.5rem_1fr_auto] items-start gap-2 rounded-md border border-zinc-200 p-1.5 dark:border-zinc-800"
            >
              {item.url
                ? (
                  <img
                    src={item.url}
                    alt=""
                    className="size-10 rounded bg-zinc-100 object-cover dark:bg-zinc-800"
                  />
                )
                : (
                  <span
                    aria-hidden="true"
                    className="size-10 rounded bg-zinc-100 dark:bg-zinc-800"
                  />
                )}
              <div className="min-w-0 space-y-1">
                {isUpload
                  ? (
                    <p className="flex h-8 items-center gap-1 text-[11px] text-zinc-600 dark:text-zinc-300">
                      <Upload className="size-3" aria-hidden="true" /> Uploaded picture
                    </p>
                  )
                  : (
                    <input
                      aria-label={`Image ${index + 1} address`}
                      value={item.url}
                      placeholder="https://…/photo.jpg"
                      aria-invalid={urlProblem ? true : undefined}
                      onChange={(event) => change(index, { url: event.target.value })}
                      className={inputClass}
                    />
                  )}
                <input
                  aria-label={`Image ${index + 1} alt text`}
                  value={item.alt_text}
                  placeholder="Alt text: what the image shows"
                  aria-invalid={altProblem ? true : undefined}
                  onChange={(event) => change(index, { alt_text: event.target.value })}
                  className={inputClass}
                />
                {(urlProblem || altProblem) && (
                  <p className="text-[10px] text-red-600 dark:text-red-400">
                    {urlProblem ?? altProblem}
                  </p>
                )}
              </div>
              <button
                type="button"
                onClick={() => onChange(media.filter((_, i) => i !== index))}
                aria-label={`Remove image ${index + 1}`}
                className="rounded p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-400 dark:hover:bg-zinc-800"
              >
                <Trash2 className="size-3.5" aria-hidden="true" />
              </button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          disabled={media.length >= max}
          onClick={() => onChange([...media, { url: "", alt_text: "" }])}
          className="inline-flex h-7 items-center gap-1 rounded-md border border-zinc-300 px-2 text-[11px] font-medium text-zinc-700 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          <Link2 className="size-3.5" aria-hidden="true" /> Add image by address
        </button>
        <button
          type="button"
          disabled={media.length >= max}
          onClick={() => fileInput.current?.click()}
          className="inline-flex h-7 items-center gap-1 rounded-md border border-zinc-300 px-2 text-[11px] font-medium text-zinc-700 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          <ImagePlus className="size-3.5" aria-hidden="true" /> Upload (Bluesky)
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          multiple
          hidden
          onChange={(event) => {
            void upload(event.target.files);
            event.target.value = "";
          }}
        />
      </div>
    </fieldset>
  );
}
