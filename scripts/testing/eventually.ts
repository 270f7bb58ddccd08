/** Polls `probe` until it returns a truthy value; fails with `message` after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  message: string,
  timeoutMs = 5000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
