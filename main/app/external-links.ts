// Which links may leave the app for the system browser or mail client. Pure: the glue calls
// `shell.openExternal` only with the URL this returns.

export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_URL_LENGTH = 2048;

/** Decides whether a link may be opened outside the app; returns the normalized URL to open. */
export function checkExternalUrl(raw: unknown): ExternalUrlCheck {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, reason: 'The link is empty.' };
  if (raw.length > MAX_URL_LENGTH) return { ok: false, reason: 'The link is too long.' };
  // The URL parser silently drops tabs and newlines ("java\tscript:"), so any control or invisible
  // formatting character is refused rather than cleaned.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/.test(raw)) {
    return { ok: false, reason: 'The link contains spaces or control characters.' };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'The link is not a valid address.' };
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    return {
      ok: false,
      reason: `Links of type "${url.protocol.replace(/:$/, '')}" are not opened outside the app.`,
    };
  }
  if (url.protocol === 'mailto:') {
    if (url.pathname === '' || url.pathname.startsWith('/')) {
      return { ok: false, reason: 'The e-mail link has no address.' };
    }
    return checkMailto(url);
  }
  if (url.hostname === '') return { ok: false, reason: 'The link has no host.' };
  // "https://trusted.example@evil.example/" shows one site and opens another: refuse credentials.
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'Links with a user name or password are not opened.' };
  }
  return { ok: true, url: url.href };
}

// The fields of RFC 6068 that only fill in the message. Mail clients read others too, some dangerous:
// Evolution, KMail and older Thunderbird attach the local file named by `attach=` or `attachment=`.
const MAILTO_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body', 'in-reply-to']);

/**
 * A mailto link rebuilt from its address and its known fields only, each value encoded again so that a
 * client splitting the query on `;` (or decoding before splitting) finds no field that was not checked.
 */
function checkMailto(url: URL): ExternalUrlCheck {
  const refused: ExternalUrlCheck = {
    ok: false,
    reason: 'The e-mail link asks the mail program for more than an address, subject and text.',
  };
  let address: string;
  try {
    address = decodeURIComponent(url.pathname);
  } catch {
    return refused;
  }
  if (address.includes('?')) return refused;
  const fields: string[] = [];
  for (const field of url.search.slice(1).split('&')) {
    if (field === '') continue;
    const equals = field.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(equals < 0 ? field : field.slice(0, equals)).toLowerCase();
      value = equals < 0 ? '' : decodeURIComponent(field.slice(equals + 1));
    } catch {
      return refused;
    }
    if (!MAILTO_FIELDS.has(name)) return refused;
    // Addresses stay readable (`cc=a@example.org,b@example.org`).
    fields.push(`${name}=${encodeURIComponent(value).replace(/%40/g, '@').replace(/%2C/g, ',')}`);
  }
  return { ok: true, url: `mailto:${url.pathname}${fields.length > 0 ? `?${fields.join('&')}` : ''}` };
}
