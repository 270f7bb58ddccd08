/** Conversations API times look like "2022-07-12T19:11:07+0000" (§3 "Timestamp units", §4). */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");
}
