/**
 * Work that outlives a request (echo webhooks, retries, held "timeout" faults). Tracked so that
 * `stop()` can cancel timers, abort what is in flight and wait for it: no leaked ops in tests.
 */
export class BackgroundTasks {
  readonly #controller = new AbortController();
  readonly #running = new Set<Promise<unknown>>();
  readonly #timers = new Map<ReturnType<typeof setTimeout>, () => void>();

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

  /** Resolves after `ms`, or early when the sandbox stops. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped) return resolve();
      const done = () => {
        clearTimeout(id);
        this.#timers.delete(id);
        resolve();
      };
      const id = setTimeout(done, ms);
      this.#timers.set(id, done);
    });
  }

  async stop(): Promise<void> {
    this.#controller.abort();
    for (const cancel of [...this.#timers.values()]) cancel();
    this.#timers.clear();
    await Promise.allSettled([...this.#running]);
  }
}
