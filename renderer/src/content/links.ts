// Pure helpers about the URLs stand content carries: which stay inside the app, which need the
// internet, and how to describe them to a visitor.
import { to } from '../routes';

const INTERNAL = /^standalone:\/\/(stand|page|theme)\/([^?#]*)(#.*)?$/i;

function decodeSegment(segment: string): string | null {
  try {
    const decoded = decodeURIComponent(segment);
    return decoded && !decoded.includes('/') ? decoded : null;
  } catch {
    return null;
  }
}

/** Route path for a `standalone://…` link of a collection, or null when it is not a well-formed one. */
export function internalRoute(url: string, collection: string): string | null {
  const match = INTERNAL.exec(url.trim());
  if (!match) return null;
  const kind = match[1]!.toLowerCase();
  const segments = match[2]!.split('/').map(decodeSegment);
  if (segments.some((s) => s === null)) return null;
  const [first, second] = segments as string[];
  if (kind === 'stand' && segments.length === 1) return to.stand(collection, first!);
  if (kind === 'theme' && segments.length === 1) return to.theme(collection, first!);
  if (kind === 'page' && segments.length === 2) return to.page(collection, first!, second!);
  return null;
}

/** True for the links a visitor can take away: http(s) and mailto. */
export function isExternalUrl(url: string): boolean {
  return /^(?:https?:\/\/[^/\s]|mailto:)/i.test(url.trim());
}

/** True for URLs that would make the browser fetch from the network (protocol-relative included). */
export function isRemoteUrl(url: string): boolean {
  return /^(?:https?:)?\/\//i.test(url.trim());
}

/** True for files of the collection's own folder, served by the main process. */
export function isOwnAsset(url: string, collection: string): boolean {
  const prefix = `stand-asset://${encodeURIComponent(collection)}/`.toLowerCase();
  return url.trim().toLowerCase().startsWith(prefix);
}

/** The host a visitor would recognise (`youtube.com`), or the address itself for mail. */
export function describeHost(url: string): string {
  const trimmed = url.trim();
  if (/^mailto:/i.test(trimmed)) return trimmed.slice('mailto:'.length).split('?')[0] ?? trimmed;
  try {
    const parsed = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed);
    return parsed.hostname.replace(/^www\./, '');
  } catch {
    return trimmed;
  }
}

/**
 * The address worth taking away for an embedded player: a YouTube or Vimeo embed becomes the
 * video's own page, anything else stays as it is (protocol-relative URLs get https).
 */
export function shareableUrl(url: string): string {
  const trimmed = url.trim();
  const absolute = trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
  try {
    const parsed = new URL(absolute);
    const host = parsed.hostname.replace(/^www\./, '');
    const youtube = /^\/embed\/([\w-]{6,})/.exec(parsed.pathname);
    if ((host === 'youtube.com' || host === 'youtube-nocookie.com') && youtube) {
      return `https://www.youtube.com/watch?v=${youtube[1]}`;
    }
    const vimeo = /^\/video\/(\d+)/.exec(parsed.pathname);
    if (host === 'player.vimeo.com' && vimeo) return `https://vimeo.com/${vimeo[1]}`;
    return parsed.href;
  } catch {
    return absolute;
  }
}
