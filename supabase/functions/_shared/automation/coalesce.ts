/**
 * Wraps a batch operation so that single calls share it: calls made while a batch is under way
 * wait and go together in the next one (up to `maxBatch`). Alone, a call goes at once; under load
 * the batches grow, and one round trip serves many. `run` returns one output per input, in order;
 * if it throws, every call of that batch rejects with the error.
 */
export function coalesce<I, O>(
  run: (inputs: I[]) => Promise<O[]>,
  maxBatch: number,
): (input: I) => Promise<O> {
  const queue: { input: I; resolve: (output: O) => void; reject: (error: unknown) => void }[] = [];
  let flushing = false;

  async function flush() {
    while (queue.length) {
      const batch = queue.splice(0, maxBatch);
      try {
        const outputs = await run(batch.map((call) => call.input));
        batch.forEach((call, i) => call.resolve(outputs[i]!));
      } catch (error) {
        for (const call of batch) call.reject(error);
      }
    }
    flushing = false;
  }

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (flushing) return;
      flushing = true;
      // the calls of this turn of the event loop join the first batch
      queueMicrotask(() => void flush());
    });
}
