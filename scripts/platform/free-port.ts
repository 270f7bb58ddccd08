/** Asks the kernel for a free loopback port; `preferred` is used when it is free. */
export function freePort(preferred?: number): number {
  if (preferred) {
    try {
      const listener = Deno.listen({ hostname: "127.0.0.1", port: preferred });
      listener.close();
      return preferred;
    } catch {
      // taken: fall through to a kernel-chosen port
    }
  }
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}
