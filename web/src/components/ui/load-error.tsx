import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";

type LoadErrorProps = { message: string; isRetrying: boolean; onRetry: () => void };

// A section whose data failed to load: the reason, and a way to try again in place.
export function LoadError({ message, isRetrying, onRetry }: LoadErrorProps) {
  return (
    <div className="space-y-3">
      <Alert>{message}</Alert>
      <Button variant="secondary" isPending={isRetrying} pendingLabel="Retrying…" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
