// The one way into the main process. Every request goes through `dispatch`: the sender must be the app's
// own page, the channel must be one of the contract's, the arguments must match that channel's schema, and
// only then is the service called. Nothing here imports electron: the Chromium harness registers these
// handlers on a stand-in ipcMain under plain Node.
import { z } from 'zod';
import {
  methodChannels,
  type ChannelName,
  type RequestMethod,
  type StandaloneApi,
} from '../../preload/contract';
import type { IpcErrorCode, IpcResult } from '../../preload/ipc-result';
import { MAX_SEARCH_LIMIT, type ProblemCode } from '../engine/types';
import { IDLE_TIMEOUT_RANGE } from '../kiosk/config';
import { PIN_PATTERN } from '../kiosk/pin';
import { originOf } from './origin';

/** What main serves: the preload's API minus the event subscription, one method per request channel. */
export type Services = {
  [K in RequestMethod]: (
    ...args: Parameters<StandaloneApi[K]>
  ) => ReturnType<StandaloneApi[K]> | Awaited<ReturnType<StandaloneApi[K]>>;
};

export const LIMITS = {
  id: 200,
  slug: 500,
  query: 500,
  path: 4096,
  name: 200,
  url: 4096,
  pin: 64,
  qrText: 2000,
  /** The most folders a kiosk file may list (its `folders` key's own limit). */
  kioskFolders: 50,
  /** The most stands a `listStands(collection, first)` may ask for: more is the whole list anyway. */
  firstStands: 100_000,
  /** The most hits one search may ask for (the engine's own cap). */
  searchHits: MAX_SEARCH_LIMIT,
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .min(1, { error: `${what} must not be empty.` })
    .max(max, { error: `${what} is too long (at most ${max} characters).` })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: `${what} contains control characters.` });

const count = (max: number, what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .int({ error: `${what} must be a whole number.` })
    .min(1, { error: `${what} must be at least 1.` })
    .max(max, { error: `${what} is too big (at most ${max}).` });

const collectionId = text(LIMITS.id, 'The collection id');
const slug = text(LIMITS.slug, 'The slug');

const PROBLEM_CODES = [
  'front-matter-invalid',
  'front-matter-not-object',
  'front-matter-code',
  'field-invalid',
  'title-missing',
  'theme-without-page',
  'logo-missing',
  'asset-missing',
  'asset-outside-folder',
  'picture-not-shown',
  'link-broken',
  'remote-image',
  'remote-media',
  'remote-frame',
  'script-removed',
  'style-ignored',
  'base-url-unusable',
  'content-unreadable',
  'content-kept',
  'shortcode-invalid',
  'shortcode-unknown',
  'duplicate-stand',
  'stand-empty',
  'file-too-large',
  'file-binary',
  'file-not-utf8',
  'file-unreadable',
  'file-not-regular',
  'symlink-outside',
  'too-deep',
  'too-many-files',
  'file-skipped',
  'folder-missing',
  'folder-unreadable',
  'not-a-stands-folder',
] as const satisfies readonly ProblemCode[];
// Fails to compile when the data model gains a problem code this list lacks.
const _everyProblemCode: Record<Exclude<ProblemCode, (typeof PROBLEM_CODES)[number]>, never> = {};
void _everyProblemCode;

const problemFilter = z.strictObject(
  {
    collection: collectionId.optional(),
    severity: z.enum(['error', 'warning']).optional(),
    stand: slug.optional(),
    code: z.enum(PROBLEM_CODES).optional(),
  },
  { error: 'The problem filter has an unexpected field.' },
);

// The PIN is checked here and never quoted back: a refusal names what is wrong, not what was typed.
const kioskFileRequest = z.strictObject(
  {
    pin: z
      .string({ error: 'The PIN must be text.' })
      .max(LIMITS.pin, { error: 'The PIN is too long.' })
      .regex(PIN_PATTERN, { error: 'The PIN must be 4 to 12 digits (0 to 9).' }),
    collections: z
      .array(collectionId, { error: 'The folders must be a list.' })
      .min(1, { error: 'Choose at least one folder for the kiosk.' })
      .max(LIMITS.kioskFolders, { error: `A kiosk shows at most ${LIMITS.kioskFolders} folders.` }),
    edition: collectionId.nullable(),
    startScreen: z.enum(['overview', 'themes', 'search', 'attract']).optional(),
    idleTimeoutSeconds: z
      .number({ error: 'The idle timeout must be a number.' })
      .int({ error: 'The idle timeout must be a whole number of seconds.' })
      .min(IDLE_TIMEOUT_RANGE.min, {
        error: `The idle timeout must be at least ${IDLE_TIMEOUT_RANGE.min} seconds.`,
      })
      .max(IDLE_TIMEOUT_RANGE.max, {
        error: `The idle timeout must be at most ${IDLE_TIMEOUT_RANGE.max} seconds.`,
      })
      .optional(),
    textSize: z.enum(['normal', 'large', 'larger']).optional(),
  },
  { error: 'The kiosk file request has an unexpected field.' },
);

/** Each channel's argument list. Tuples are exact: a missing, extra or wrongly typed argument is refused. */
export const argumentSchemas = {
  listCollections: z.tuple([]),
  listThemes: z.tuple([collectionId]),
  getTheme: z.tuple([collectionId, slug]),
  listStands: z.tuple([collectionId, count(LIMITS.firstStands, 'The number of stands').optional()]),
  getStand: z.tuple([collectionId, slug]),
  getPage: z.tuple([collectionId, slug, slug]),
  search: z.tuple([
    collectionId,
    z
      .string({ error: 'The search must be text.' })
      .max(LIMITS.query, { error: `The search is too long (at most ${LIMITS.query} characters).` }),
    count(LIMITS.searchHits, 'The number of results').optional(),
  ]),
  listProblems: z.tuple([problemFilter.optional()]),
  listPictureProblems: z.tuple([collectionId]),
  chooseFolder: z.tuple([]),
  addFolder: z.tuple([text(LIMITS.path, 'The folder path')]),
  removeCollection: z.tuple([collectionId]),
  reindexCollection: z.tuple([collectionId]),
  renameCollection: z.tuple([
    collectionId,
    text(LIMITS.name, 'The name').refine((name) => name.trim().length > 0, {
      error: 'The name must not be blank.',
    }),
  ]),
  openExternal: z.tuple([text(LIMITS.url, 'The link')]),
  getAppInfo: z.tuple([]),
  getKioskState: z.tuple([]),
  unlockKiosk: z.tuple([
    z.string({ error: 'The PIN must be text.' }).max(LIMITS.pin, { error: 'The PIN is too long.' }),
  ]),
  lockKiosk: z.tuple([]),
  quitKiosk: z.tuple([]),
  makeKioskFile: z.tuple([kioskFileRequest]),
  makeQrSvg: z.tuple([text(LIMITS.qrText, 'The text for the QR code')]),
} satisfies { [K in RequestMethod]: z.ZodType<unknown[]> };

/** Channel name → method name, built from the contract so the two can never drift apart. */
export const channelMethods: ReadonlyMap<string, RequestMethod> = new Map(
  (Object.entries(methodChannels) as [RequestMethod, ChannelName][]).map(([method, channel]) => [
    channel,
    method,
  ]),
);

/** The part of an IPC event the sender check looks at (Electron's IpcMainInvokeEvent fits). */
export interface IpcEventLike {
  sender?: unknown;
  senderFrame?: { url: string; parent?: unknown } | null;
}

export type SenderCheck = (event: IpcEventLike) => boolean;

/** The part of ipcMain `registerIpc` uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

const fail = (code: IpcErrorCode, message: string): IpcResult => ({ ok: false, error: { code, message } });

function describeIssues(error: z.ZodError, method: string): string {
  const issue = error.issues[0];
  if (!issue) return `Invalid arguments for ${method}.`;
  const whole = issue.path.length === 0;
  if (whole && issue.code === 'too_big' && issue.origin === 'array')
    return `Too many arguments for ${method}.`;
  if (whole && issue.code === 'too_small' && issue.origin === 'array')
    return `Missing arguments for ${method}.`;
  if (whole && issue.code === 'invalid_type') return `Invalid arguments for ${method}.`;
  // People count arguments from 1.
  const [index, ...field] = issue.path;
  const where =
    typeof index === 'number'
      ? ` (argument ${index + 1}${field.length > 0 ? `, ${field.map(String).join('.')}` : ''})`
      : '';
  return `Invalid arguments for ${method}${where}: ${issue.message}`;
}

/**
 * Answers one request: sender check, channel lookup, argument validation, then the service. Never throws;
 * a failing service becomes `{ ok: false, error: { code: 'failed', message } }`.
 */
export function createDispatcher(
  services: Services,
  isTrustedSender: SenderCheck,
): (event: IpcEventLike, channel: string, args: unknown[]) => Promise<IpcResult> {
  return async (event, channel, args) => {
    let trusted: boolean;
    try {
      trusted = isTrustedSender(event) === true;
    } catch {
      trusted = false;
    }
    if (!trusted) return fail('forbidden', 'This request did not come from the app’s own page.');
    const method = typeof channel === 'string' ? channelMethods.get(channel) : undefined;
    if (!method) return fail('unknown-channel', `Unknown request channel "${String(channel).slice(0, 80)}".`);
    const parsed = argumentSchemas[method].safeParse(args);
    if (!parsed.success) return fail('invalid-arguments', describeIssues(parsed.error, method));
    try {
      const service = services[method] as (...a: unknown[]) => unknown;
      const value = await service.apply(services, parsed.data as unknown[]);
      return { ok: true, value };
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'The request failed.';
      return fail('failed', message);
    }
  };
}

/** Registers one handler per contract channel on `ipcMain` (or a stand-in); each goes through the dispatcher. */
export function registerIpc(ipcMain: IpcMainLike, services: Services, isTrustedSender: SenderCheck): void {
  const dispatch = createDispatcher(services, isTrustedSender);
  for (const channel of channelMethods.keys()) {
    ipcMain.handle(channel, (event, ...args) => dispatch(event, channel, args));
  }
}

/**
 * The app's sender check: the request comes from the main frame of our window, showing our page.
 * `getWebContents` returns the window's webContents (or null while there is none); `appOrigin` is the
 * origin the app is served from (the bundle's scheme, or the dev server).
 */
export function createSenderCheck(getWebContents: () => unknown, appOrigin: string): SenderCheck {
  return (event) => {
    const contents = getWebContents();
    if (!contents || event.sender !== contents) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false;
    return typeof frame.url === 'string' && originOf(frame.url) === appOrigin;
  };
}
