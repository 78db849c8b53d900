// `standalone check` looks at every picture the published stands show, through the app's own asset
// protocol checks: one the app would refuse to draw (a 400-megapixel photo, an SVG built to freeze the
// window) shows as an empty box at the kiosk, so the organiser is told which and why before the event.
// Indexing does not do this (it would read every picture, at every start); `check` is the audit.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Queries } from '../engine/api';
import { problem } from '../engine/problems';
import { assetUrl } from '../engine/refs';
import type { Problem, Stand } from '../engine/types';
import { DEFAULT_LIMITS } from '../engine/limits';
import { pictureHeaderBytes, pixelTroubleOf, svgTrouble, type PictureTrouble } from '../app/picture-check';
import { decodeUrlPath, OPEN_FLAGS } from '../app/safe-path';

interface Trouble {
  file: string;
  trouble: PictureTrouble;
}

// The app's own picture addresses in stored HTML (`src`, `srcset`, `poster`…): an address ends at a quote,
// a space or a comma, which the engine always writes percent-encoded inside one.
const ASSET_ADDRESS = /stand-asset:\/\/[^\s"'<>,)]+/g;

/** Problems for the pictures of a collection's published stands and pages that the app will not draw. */
export function pictureProblems(queries: Queries, collection: string): Problem[] {
  const verdicts = new Map<string, Trouble | null>();
  const problems: Problem[] = [];
  for (const { stand, file, addresses } of picturesShown(queries, collection)) {
    const told = new Set<string>();
    for (const address of addresses) {
      let found = verdicts.get(address);
      if (found === undefined) {
        found = troubleAt(queries, collection, address);
        verdicts.set(address, found);
      }
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

/**
 * Why the app would refuse to draw the picture at an address, or null (it would, or it is no picture the
 * index knows). The file is found as the asset protocol finds it (a regular file of the index, inside the
 * folder) and judged by the same checks; it is read at once, not a piece at a time, since no window waits.
 */
function troubleAt(queries: Queries, collection: string, address: string): Trouble | null {
  const file = fileOf(address);
  const asset = file === null ? null : queries.getAsset(collection, file);
  // Not found or not servable: the index's own problems (a missing file, one too large) name it already.
  if (!asset?.contentType?.startsWith('image/')) return null;
  let fd: number;
  try {
    fd = openSync(asset.absolutePath, OPEN_FLAGS);
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    const size = info.size;
    if (!info.isFile() || size > DEFAULT_LIMITS.maxAssetBytes) return null;
    const bytes = Buffer.alloc(asset.contentType === 'image/svg+xml' ? size : pictureHeaderBytes(size));
    const read = readSync(fd, bytes, 0, bytes.length, 0);
    const trouble =
      asset.contentType === 'image/svg+xml'
        ? svgTrouble(bytes.subarray(0, read))
        : pixelTroubleOf(bytes.subarray(0, read));
    return trouble === null ? null : { file: asset.file, trouble };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The folder-relative file an asset address of the engine's names, or null. */
function fileOf(address: string): string | null {
  try {
    return decodeUrlPath(new URL(address).pathname)?.join('/') ?? null;
  } catch {
    return null;
  }
}
