// `standalone check` and the app's Problems screen look at every picture the published stands show,
// through the app's own asset protocol checks: one the app would refuse to draw (a 400-megapixel photo, an
// SVG built to freeze the window) shows as an empty box at the kiosk, so the organiser is told which and
// why before the event. Indexing does not do this (it would read every picture, at every start). Plain
// Node: the command line runs it, and so does the engine's worker thread, never the app's main thread.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeHTMLAttribute } from 'entities';
import type { Queries } from '../engine/api';
import { problem } from '../engine/problems';
import { opensInApp } from '../engine/publish';
import { assetUrl } from '../engine/refs';
import type { ListedProblem, Problem, Stand } from '../engine/types';
import { DEFAULT_LIMITS } from '../engine/limits';
import { pictureHeaderBytes, pixelTroubleOf, svgTroubleInPieces, type PictureTrouble } from './picture-check';
import { decodeUrlPath, OPEN_FLAGS } from './safe-path';

interface Trouble {
  file: string;
  trouble: PictureTrouble;
}

// The app's own picture addresses in stored HTML (`src`, `srcset`, `poster`…): an address ends at a quote,
// a space or a comma, which the engine always writes percent-encoded inside one. It leaves a file name's
// ( ) and ' as they are (Screenshot (2).png), and the HTML may write that ' as &#39;.
const ASSET_ADDRESS = /stand-asset:\/\/[^\s"'<>,]+/g;

/** Problems for the pictures of a collection's published stands and pages that the app will not draw. */
export function pictureProblems(queries: Queries, collection: string): Problem[] {
  const problems: Problem[] = [];
  for (const found of pictureChecks(queries, collection)) {
    if (found === null) continue;
    const { standOpens: _opens, standTitle: _title, page: _page, ...plain } = found;
    problems.push(plain);
  }
  return problems;
}

/**
 * `pictureProblems` as the Problems screen lists them (each with its stand's title, whether it opens, and
 * the page it is in). Pauses after each page, each picture read and each piece of a large SVG, so that the
 * engine's thread answers the app's other requests (and live updates) in between, however the edition's
 * pictures are spread: at 1,000 stands the whole look takes about a second. A newer look over the same
 * queries stops this one at its next pause (it rejects): nobody waits for its answer any more.
 */
export async function listPictureProblems(queries: Queries, collection: string): Promise<ListedProblem[]> {
  const look = (latestLook.get(queries) ?? 0) + 1;
  latestLook.set(queries, look);
  const problems: ListedProblem[] = [];
  for (const found of pictureChecks(queries, collection)) {
    if (found !== null) problems.push(found);
    else {
      await new Promise((resolve) => setImmediate(resolve));
      if (latestLook.get(queries) !== look) throw new Error('A newer look at the pictures was asked for.');
    }
  }
  return problems;
}

// The Problems screen asks again each time it opens and after each update of the edition, and no longer
// waits for the look it asked before: that one stops at its next pause rather than reading every picture
// of the edition beside the newer one, over and over while an organiser saves file after file.
const latestLook = new WeakMap<Queries, number>();

/**
 * Each picture problem found, and null after each stand, page and picture read (and between the pieces of
 * an SVG): where a caller may let other work run.
 */
function* pictureChecks(queries: Queries, collection: string): Generator<ListedProblem | null> {
  const verdicts = new Map<string, Trouble | null>();
  for (const { stand, file, page, addresses } of picturesShown(queries, collection)) {
    yield null;
    if (stand === null) continue;
    const told = new Set<string>();
    for (const address of addresses) {
      let found = verdicts.get(address);
      if (found === undefined) {
        found = yield* troubleAt(queries, collection, address);
        verdicts.set(address, found);
        yield null;
      }
      if (!found || told.has(found.file)) continue;
      told.add(found.file);
      yield {
        ...problem(collection, file, 'picture-not-shown', `The picture ${found.file}: ${found.trouble}`, {
          stand: stand.slug,
        }),
        standOpens: opensInApp(stand),
        standTitle: stand.title,
        page,
      };
    }
  }
}

/**
 * Each published stand's and page's file, with the picture addresses its HTML and logo show (and the page,
 * which opens as getPage found it); then a stand of null after each stand's own.
 */
function* picturesShown(
  queries: Queries,
  collection: string,
): Generator<
  | { stand: Stand; file: string; page: ListedProblem['page']; addresses: string[] }
  | { stand: null; file: null; page: null; addresses: [] }
> {
  for (const stand of queries.listAllStands(collection)) {
    if (stand.draft) continue;
    yield { stand, file: stand.file, page: null, addresses: standAddresses(collection, stand) };
    for (const ref of stand.pages) {
      const page = queries.getPage(collection, stand.slug, ref.slug);
      if (page) {
        const addresses = page.html.match(ASSET_ADDRESS) ?? [];
        yield {
          stand,
          file: page.file,
          page: { slug: page.slug, title: page.title, opens: true },
          addresses,
        };
      }
    }
    yield { stand: null, file: null, page: null, addresses: [] };
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
 * folder) and judged by the same checks; it is read at once, since no window waits, and an SVG is checked a
 * piece at a time, pausing in between.
 */
function* troubleAt(queries: Queries, collection: string, address: string): Generator<null, Trouble | null> {
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
  let bytes: Buffer;
  try {
    const info = fstatSync(fd);
    const size = info.size;
    if (!info.isFile() || size > DEFAULT_LIMITS.maxAssetBytes) return null;
    bytes = Buffer.alloc(asset.contentType === 'image/svg+xml' ? size : pictureHeaderBytes(size));
    bytes = bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
  try {
    const trouble =
      asset.contentType === 'image/svg+xml' ? yield* svgTroubleInPieces(bytes) : pixelTroubleOf(bytes);
    return trouble === null ? null : { file: asset.file, trouble };
  } catch {
    return null;
  }
}

/** The folder-relative file an asset address of the engine's names, or null. */
function fileOf(address: string): string | null {
  try {
    return decodeUrlPath(new URL(decodeHTMLAttribute(address)).pathname)?.join('/') ?? null;
  } catch {
    return null;
  }
}
