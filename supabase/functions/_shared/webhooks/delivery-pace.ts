/**
 * Flow control for Meta's deliveries (issue 12). A delivery is answered once it is in the ledger
 * and processed after the answer, on the same cores. Under a load the instance cannot process as
 * fast as it stores, answering at full speed only grows the backlog: every new DM reaches the
 * inbox later, without bound. A sender with a bounded number of connections waits for each answer
 * before it sends the next delivery on that connection (Meta does not document its concurrency:
 * docs/meta-platform.md "Responding"), so pausing the answers a little while the backlog grows
 * slows the arrivals to the pace of processing, and leaves the cores that answering took to
 * processing.
 *
 * The pause moves in small steps, at most once per interval: up while more than a full batch waits
 * to be processed, down while less than half of one does. It never exceeds `maxPauseMs`, far
 * below the seconds Meta allows for an answer; without a backlog it is 0, and a delivery is
 * answered as soon as it is stored.
 */
export interface PaceOptions {
  /** deliveries waiting above which the pause grows (a full batch) */
  backlogLimit: number;
  maxPauseMs: number;
  /** how long a pause holds before it may move again */
  intervalMs: number;
  stepUpMs: number;
  stepDownMs: number;
}

/** A pace: given the deliveries waiting now and the time, the pause before the next answer. */
export function createPace(options: PaceOptions) {
  let pauseMs = 0;
  let movedAt = -Infinity;
  return (waiting: number, now: number): number => {
    if (now - movedAt < options.intervalMs) return pauseMs;
    if (waiting > options.backlogLimit) {
      pauseMs = Math.min(options.maxPauseMs, pauseMs + options.stepUpMs);
      movedAt = now;
    } else if (waiting < options.backlogLimit / 2 && pauseMs > 0) {
      pauseMs = Math.max(0, pauseMs - options.stepDownMs);
      movedAt = now;
    }
    return pauseMs;
  };
}
