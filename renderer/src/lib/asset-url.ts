// Files of an indexed folder are served by the main process under `stand-asset://<collection>/<path>`.

/** URL of a folder-relative file, each path segment escaped so names with spaces or `#` survive. */
export function assetUrl(collection: string, file: string): string {
  const path = file
    .split('/')
    .filter((segment) => segment !== '')
    .map(encodeURIComponent)
    .join('/');
  return `stand-asset://${encodeURIComponent(collection)}/${path}`;
}
