// Leaving the SPA (Meta's consent dialog) is a full page load, not a router navigation. Kept in
// its own module so tests can replace it: jsdom cannot navigate and window.location is not
// spy-able there.
export function goToExternalUrl(url: string): void {
  globalThis.location.assign(url);
}
