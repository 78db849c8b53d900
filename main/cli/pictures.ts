// `standalone check` looks at every picture the published stands show, through the app's own asset
// protocol checks: one the app would refuse to draw (a 400-megapixel photo, an SVG built to freeze the
// window) shows as an empty box at the kiosk, so the organiser is told which and why before the event.
// Indexing does not do this (it would read every picture, at every start); `check` is the audit.
import type { Queries } from '../engine/api';
import { problem } from '../engine/problems';
import { assetUrl } from '../engine/refs';
import type { Problem, Stand } from '../engine/types';
import { DEFAULT_LIMITS } from '../engine/limits';
import { resolveAssetRequest } from '../app/asset-protocol';
import { pixelTrouble, readCheckedSvg, type PictureTrouble } from '../app/picture-check';
import { openCheckedFile } from '../app/safe-path';

// The app's own picture addresses in stored HTML (`src`, `srcset`, `poster`…): an address ends at a quote,
// a space or a comma, which the engine always writes percent-encoded inside one.
const ASSET_ADDRESS = /stand-asset:\/\/[^\s"'<>,)]+/g;

/** Problems for the pictures of a collection's published stands and pages that the app will not draw. */
export async function pictureProblems(queries: Queries, collection: string): Promise<Problem[]> {
  const verdicts = new Map<string, Promise<{ file: string; trouble: PictureTrouble } | null>>();
  const problems: Problem[] = [];
  for (const { stand, file, addresses } of picturesShown(queries, collection)) {
    const told = new Set<string>();
    for (const address of addresses) {
      let verdict = verdicts.get(address);
      if (!verdict) {
        verdict = troubleAt(queries, address);
        verdicts.set(address, verdict);
      }
      const found = await verdict;
      if (!found || told.has(found.file)) continue;
      told.add(found.file);
      problems.push(
        problem(collection, file, 'picture-not-shown', `The picture ${found.file}: ${found.trouble}`, {
          stand,
        }),
      );
    }
  }
  return problems;
}

/** Each published stand's and page's file, with the picture addresses its HTML and logo show. */
function* picturesShown(
  queries: Queries,
  collection: string,
): Generator<{ stand: string; file: string; addresses: string[] }> {
  for (const stand of queries.listAllStands(collection)) {
    if (stand.draft) continue;
    yield { stand: stand.slug, file: stand.file, addresses: standAddresses(collection, stand) };
    for (const ref of stand.pages) {
      const page = queries.getPage(collection, stand.slug, ref.slug);
      if (page) yield { stand: stand.slug, file: page.file, addresses: page.html.match(ASSET_ADDRESS) ?? [] };
    }
  }
}

function standAddresses(collection: string, stand: Stand): string[] {
  const html = [stand.descriptionHtml, stand.showcaseHtml, stand.newThisYearHtml, stand.bodyHtml].join('\n');
  const addresses = html.match(ASSET_ADDRESS) ?? [];
  return stand.logo === null ? addresses : [assetUrl(collection, stand.logo), ...addresses];
}

/** What the asset protocol would say of a picture address: null when it would serve it (or it is no picture). */
async function troubleAt(
  queries: Queries,
  address: string,
): Promise<{ file: string; trouble: PictureTrouble } | null> {
  const resolution = await resolveAssetRequest(address, queries);
  // Not found or not servable: the index's own problems (a missing file, one too large) name it already.
  if (resolution.status !== 200 || !resolution.contentType.startsWith('image/')) return null;
  const opened = await openCheckedFile(resolution.path, resolution.identity, DEFAULT_LIMITS.maxAssetBytes);
  if (!opened) return null;
  const file = fileOf(address);
  if (resolution.contentType === 'image/svg+xml') {
    const checked = await readCheckedSvg(opened.handle, opened.size);
    return typeof checked === 'string' ? { file, trouble: checked } : null;
  }
  try {
    const trouble = await pixelTrouble(opened.handle, opened.size);
    return trouble === null ? null : { file, trouble };
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
}

/** The folder-relative file an asset address names, for the message. */
function fileOf(address: string): string {
  const path = new URL(address).pathname.slice(1);
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}
