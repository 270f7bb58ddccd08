/**
 * Lets the process's other requests in during a CPU-bound loop (offline analysis), at most once
 * per `sliceMs` of work. A yield per item costs more than the item: Deno, like browsers, clamps a
 * timer set from inside a timer's task to at least 4 ms after five levels, so a batch of 100
 * messages spent ~270 ms asleep for ~30 ms of analysis.
 */
export function cpuSlices(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
}
