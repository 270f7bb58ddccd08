/**
 * Work that continues after the response: Supabase's EdgeRuntime.waitUntil keeps the worker alive
 * for it. Failures are logged, never thrown: whatever needs a retry is recorded elsewhere (the
 * webhook ledger, the contacts' profile attempts).
 */
export function afterResponse(work: Promise<unknown>) {
  const guarded = work.catch((error) =>
    console.error("[after-response] background work failed:", error?.message ?? error)
  );
  const runtime =
    (globalThis as { EdgeRuntime?: { waitUntil(p: Promise<unknown>): void } }).EdgeRuntime;
  runtime?.waitUntil(guarded);
}
