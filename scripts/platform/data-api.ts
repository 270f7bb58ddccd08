/**
 * The Data API (PostgREST: `/rest/v1`, and `/graphql/v1` behind it) as config.toml's `[api] enabled`
 * sets it. DM Desk keeps it off (README "Deploy"): the SPA talks only to functions and Realtime, so
 * no table of `public` should answer over HTTP on a deployed project. The local platform has no
 * PostgREST either way: with the API off it serves no table, like the deployed project, and when
 * the config turns the API on it says plainly that the two no longer match.
 */
export const DATA_API_PATHS = ["/rest/v1", "/graphql/v1"];

export function isDataApiPath(path: string): boolean {
  return DATA_API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

export function dataApiResponse(api: { enabled: boolean }): Response {
  if (!api.enabled) {
    return Response.json(
      { message: "The Data API is disabled for this project ([api] enabled = false)" },
      { status: 404 },
    );
  }
  return Response.json({
    message:
      "[api] enabled = true: a deployed project would expose every table of `public` here, " +
      "and the local platform has no PostgREST to imitate it",
  }, { status: 501 });
}
