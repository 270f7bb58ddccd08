/** The fault queue: the next n matching requests or deliveries fail in a chosen way. */
import type { Fault, FaultKind, SandboxState } from "./sandbox-state.ts";

/**
 * Graph faults that let the call do its work first: `sent_then_error` answers Meta's 1/1357046
 * although the message was sent (§2 "Error codes"); `hold_answer` withholds the answer until the
 * control API releases it, so a test can let the echo webhook arrive before the sender hears back.
 */
export const AFTER_CALL_FAULTS: FaultKind[] = ["sent_then_error", "hold_answer"];

export const GRAPH_FAULTS: FaultKind[] = [
  ...AFTER_CALL_FAULTS,
  "http_500",
  "http_503",
  "timeout",
  "rate_limit_4",
  "rate_limit_17",
  "rate_limit_32",
  "rate_limit_613",
];
export const WEBHOOK_FAULTS: FaultKind[] = ["duplicate_delivery", "out_of_order"];

export function addFault(
  state: SandboxState,
  input: { target: Fault["target"]; kind: FaultKind; match?: string; count?: number },
): Fault {
  const fault: Fault = {
    id: state.nextId++,
    target: input.target,
    kind: input.kind,
    match: input.match ? new RegExp(input.match) : undefined,
    remaining: input.count ?? 1,
  };
  state.faults.push(fault);
  return fault;
}

/**
 * Takes one use of the first fault for `target` whose pattern matches `subject` (the path and query
 * for Graph faults, the raw JSON body for webhook faults).
 */
export function takeFault(
  state: SandboxState,
  target: Fault["target"],
  subject: string,
): Fault | undefined {
  const index = state.faults.findIndex((f) =>
    f.target === target && f.remaining > 0 && (!f.match || f.match.test(subject))
  );
  if (index < 0) return undefined;
  const fault = state.faults[index]!;
  fault.remaining--;
  if (fault.remaining <= 0) state.faults.splice(index, 1);
  return fault;
}

export function describeFault(fault: Fault) {
  return {
    id: fault.id,
    target: fault.target,
    kind: fault.kind,
    match: fault.match?.source ?? null,
    remaining: fault.remaining,
  };
}
