/**
 * Polls `url` until it answers `ok`; fails early if `exited` resolves first (the server died during
 * start-up) and after `timeoutMs` otherwise.
 */
export async function waitForUrl(
  url: string,
  options: { exited?: Promise<unknown>; timeoutMs?: number } = {},
) {
  let exited = false;
  options.exited?.then(() => (exited = true));
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server for ${url} exited during start-up; see its log`);
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${(options.timeoutMs ?? 30_000) / 1000} s`);
}
