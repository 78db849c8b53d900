// The links out of the app a stand offers. `website` must be a web address. `chatroom` follows the
// FOSDEM stands sites: a bare name (`jenkins`) is the stand's Matrix room `#jenkins-stand:fosdem.org`,
// opened through FOSDEM's chat client (https://chat.fosdem.org/#/room/…); a full Matrix room alias or
// id, or a web address, is used as it is. Optional `video`/`videos` and `events` fields (a web address
// or a list of them) become video and events links.
import type { StandLink } from './types';

/** A web address from a front-matter value, or null when it is not one. */
export function webUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let text = value.trim();
  if (text === '' || text.length > 2000 || /\s/.test(text)) return null;
  // Sites often wrote "www.example.org"; a browser needs the scheme.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text) && /^[\w-]+(\.[\w-]+)+(\/|$)/.test(text)) text = `https://${text}`;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** The chat room link of a `chatroom` value, or null. */
export function chatLink(chatroom: string): StandLink | null {
  const value = chatroom.trim();
  if (value === '' || value.length > 300) return null;
  const asUrl = /^https?:\/\//i.test(value) ? webUrl(value) : null;
  if (asUrl) return { kind: 'chat', label: 'Chat room', url: asUrl };
  let room: string;
  if (/^[#!][^\s:]+:[^\s]+$/.test(value)) room = value;
  else if (/^[\w.-]+$/.test(value)) room = `#${value}-stand:fosdem.org`;
  else return null;
  return { kind: 'chat', label: room, url: `https://chat.fosdem.org/#/room/${encodeURIComponent(room)}` };
}

/** The label of a website link: its host name without `www.`. */
export function hostLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Web addresses from a field holding one or a list of them. */
export function urlList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items.slice(0, 20)) {
    const url = webUrl(item);
    if (url && !out.includes(url)) out.push(url);
  }
  return out;
}
