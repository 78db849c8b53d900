// Node's URL gives every non-special scheme the opaque origin "null"; Chromium gives our registered
// standard schemes a real one. This computes the origin the way Chromium does for them.

/** `scheme://host[:port]` of a URL with a host, or null (opaque or unparsable URLs). */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.host === '') return null;
  if (url.origin !== 'null') return url.origin;
  return `${url.protocol}//${url.host.toLowerCase()}`;
}
