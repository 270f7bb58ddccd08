import type { ThreadMessage } from "@dm-desk/shared/contracts/inbox-messages";
import type { MessageAttachment } from "@dm-desk/shared/schemas/message";
import { AudioLines, ExternalLink, FileText, Film } from "lucide-react";

const LINK = "inline-flex items-center gap-1 text-[11px] underline underline-offset-2";

/** A story the contact replied to, as Meta gives it (its media URL expires after 24 h). */
export function StoryReference({ story, label }: { story: { url?: string }; label: string }) {
  return (
    <div className="mb-1 flex items-center gap-1.5 text-[10px] opacity-80">
      {story.url
        ? <img src={story.url} alt={label} className="h-12 w-8 rounded object-cover" />
        : null}
      <span>{label}</span>
    </div>
  );
}

/** Attachments inline: images shown, everything else as a labelled link. */
export function MessageAttachments({ message }: { message: Pick<ThreadMessage, "attachments"> }) {
  if (!message.attachments.length) return null;
  return (
    <div className="flex flex-col gap-1">
      {message.attachments.map((attachment, index) => (
        <Attachment key={index} attachment={attachment} />
      ))}
    </div>
  );
}

function Attachment({ attachment }: { attachment: MessageAttachment }) {
  const { type, url } = attachment;
  if (type === "image" && url) {
    return (
      <a href={url} target="_blank" rel="noreferrer">
        <img src={url} alt="Image" loading="lazy" className="max-h-60 max-w-full rounded-md" />
      </a>
    );
  }
  if (type === "story_mention") {
    return (
      <div className="text-[11px] italic">
        {url
          ? (
            <a href={url} target="_blank" rel="noreferrer" className="block">
              <img
                src={url}
                alt="Story"
                loading="lazy"
                className="mb-1 h-32 rounded-md object-cover"
              />
            </a>
          )
          : null}
        Mentioned you in their story
      </div>
    );
  }
  const title = typeof attachment.title === "string" ? attachment.title : undefined;
  const label = {
    video: "Video",
    audio: "Voice message",
    file: "File",
    share: "Shared a link",
    ig_post: "Shared a post",
    ig_reel: "Shared a reel",
    reel: "Shared a reel",
    image: "Image",
    story_mention: "Story",
  }[type];
  const Icon = type === "video" || type === "reel" || type === "ig_reel"
    ? Film
    : type === "audio"
    ? AudioLines
    : type === "file"
    ? FileText
    : ExternalLink;
  if (!url) return <span className="text-[11px] italic">{title ?? label}</span>;
  return (
    <a href={url} target="_blank" rel="noreferrer" className={LINK}>
      <Icon className="size-3" aria-hidden="true" />
      {title ?? label}
    </a>
  );
}
