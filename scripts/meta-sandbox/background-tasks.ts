/**
 * Work that outlives a request (echo webhooks, retries, held "timeout" faults). Tracked so that
 * `stop()` can cancel timers, abort what is in flight and wait for it: no leaked ops in tests.
 */
export class BackgroundTasks {
  readonly #controller = new AbortController();
  readonly #running = new Set<Promise<unknown>>();
  readonly #timers = new Map<number, () => void>();

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get stopped(): boolean {
    return this.#controller.signal.aborted;
  }

  track<T>(promise: Promise<T>): Promise<T> {
    const tracked = promise.finally(() => this.#running.delete(tracked));
    this.#running.add(tracked);
    // Errors are reported by the task itself; an unhandled rejection here would end the process.
    tracked.catch(() => {});
    return tracked;
  }

  /** Runs `task` after `ms`, unless the sandbox stops first. */
  later(ms: number, task: () => Promise<unknown>): void {
    if (this.stopped) return;
    const id = setTimeout(() => {
      this.#timers.delete(id);
      this.track(task());
    }, ms);
    this.#timers.set(id, () => clearTimeout(id));
  }

  /** Resolves after `ms`, or early when `signal` aborts or the sandbox stops. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped || signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(id);
        this.#timers.delete(id);
        signal?.removeEventListener("abort", done);
        this.signal.removeEventListener("abort", done);
        resolve();
      };
      const id = setTimeout(done, ms);
      this.#timers.set(id, done);
      signal?.addEventListener("abort", done, { once: true });
      this.signal.addEventListener("abort", done, { once: true });
    });
  }

  async stop(): Promise<void> {
    this.#controller.abort();
    for (const cancel of [...this.#timers.values()]) cancel();
    this.#timers.clear();
    await Promise.allSettled([...this.#running]);
  }
}
