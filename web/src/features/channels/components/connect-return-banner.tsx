import { Alert } from "@/components/ui/alert.tsx";
import { CloseIcon } from "@/components/ui/icons.tsx";
import {
  type ConnectOutcome,
  type ConnectReturn,
  describeConnectResult,
} from "@/features/channels/utils/connect-return.ts";

const COPY: Record<
  ConnectOutcome,
  { tone: "success" | "warning" | "info" | "error"; title: string }
> = {
  connected: { tone: "success", title: "Account connected" },
  partial: { tone: "warning", title: "Partly connected" },
  cancelled: { tone: "info", title: "Connection cancelled" },
  failed: { tone: "error", title: "Couldn't connect the account" },
  confirming: { tone: "info", title: "Finishing the connection…" },
};

type ConnectReturnBannerProps = {
  connectReturn: ConnectReturn;
  onDismiss: () => void;
};

export function ConnectReturnBanner({ connectReturn, onDismiss }: ConnectReturnBannerProps) {
  const { tone, title } = COPY[connectReturn.outcome];
  const lines = describeConnectResult(connectReturn.result);
  // The per-platform lines already carry the reason for a partial result; repeating it reads
  // as two different problems.
  const showReason = connectReturn.reason && lines.length === 0;

  return (
    <Alert tone={tone} className="flex items-start gap-3">
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{title}</p>
        {lines.length > 0 && <p className="mt-0.5">{lines.join(" · ")}</p>}
        {showReason && <p className="mt-0.5">{connectReturn.reason}</p>}
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={onDismiss}
        className="-m-1 rounded p-1 opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-current"
      >
        <CloseIcon className="size-4" />
      </button>
    </Alert>
  );
}
