type InlineErrorProps = { message: string; onRetry: () => void; className?: string };

// A compact "couldn't load" line for dense panes (the inbox, the leads table), with a retry.
export function InlineError({ message, onRetry, className = "p-3" }: InlineErrorProps) {
  return (
    <div role="alert" className={`text-xs text-red-700 dark:text-red-400 ${className}`}>
      {message}{" "}
      <button type="button" className="font-medium underline" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
