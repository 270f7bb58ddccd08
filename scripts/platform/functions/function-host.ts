type Handler = (request: Request, info: Deno.ServeHandlerInfo) => Response | Promise<Response>;

/**
 * Runs function entry points inside the gateway process. Each `index.ts` calls `Deno.serve(h)`
 * at import time; while one is loading, `Deno.serve` hands `h` to us instead of opening a port.
 * Edge Runtime's `EdgeRuntime.waitUntil` is provided so work after the response is awaited and
 * its failures logged rather than crashing the gateway.
 */
export class FunctionHost {
  #handlers = new Map<string, Promise<Handler>>();
  #capture: ((handler: Handler) => void) | undefined;
  #loading: Promise<unknown> = Promise.resolve();
  readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly functionsDir: URL) {
    const realServe = Deno.serve.bind(Deno) as (...args: unknown[]) => Deno.HttpServer;
    // deno-lint-ignore no-explicit-any
    (Deno as any).serve = (...args: unknown[]) => {
      const handler =
        [...args].reverse().find((arg) => typeof arg === "function") as Handler | undefined ??
          (args[0] as { handler?: Handler } | undefined)?.handler;
      if (!this.#capture || !handler) return realServe(...args);
      this.#capture(handler);
      return {
        finished: Promise.resolve(),
        shutdown: async () => {},
        ref() {},
        unref() {},
        addr: null,
      };
    };
    // deno-lint-ignore no-explicit-any
    (globalThis as any).EdgeRuntime = {
      waitUntil: (promise: Promise<unknown>) => {
        const tracked = Promise.resolve(promise)
          .catch((error) => console.error("[functions] waitUntil task failed:", error))
          .finally(() => this.pending.delete(tracked));
        this.pending.add(tracked);
      },
    };
  }

  handlerFor(slug: string): Promise<Handler> {
    let handler = this.#handlers.get(slug);
    if (!handler) {
      handler = this.#load(slug);
      this.#handlers.set(slug, handler);
      handler.catch(() => this.#handlers.delete(slug));
    }
    return handler;
  }

  /** Loads one entry point at a time so that each captured Deno.serve belongs to its module. */
  #load(slug: string): Promise<Handler> {
    const load = this.#loading.then(async () => {
      let captured: Handler | undefined;
      this.#capture = (handler) => (captured = handler);
      try {
        await import(new URL(`${slug}/index.ts`, this.functionsDir).href);
      } finally {
        this.#capture = undefined;
      }
      if (!captured) throw new Error(`supabase/functions/${slug}/index.ts did not call Deno.serve`);
      return captured;
    });
    this.#loading = load.catch(() => {});
    return load;
  }
}
