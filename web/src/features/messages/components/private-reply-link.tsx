import { MessageCircle } from "lucide-react";
import { Link } from "react-router";
import { paths } from "@/config/paths.ts";

/** Under a private reply: the comment it answers, on the Comments page. */
export function PrivateReplyLink({ commentId }: { commentId: string }) {
  return (
    <Link
      to={paths.app.comments.getHref({ commentId })}
      className="mt-0.5 inline-flex items-center gap-1 text-[10px] font-medium text-indigo-600 underline"
    >
      <MessageCircle className="size-3" aria-hidden="true" />
      Private reply to a comment
    </Link>
  );
}
