// The app's entry: wires the engine, the protocols, IPC and the window together, in Electron's order.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_CHANNEL, type AppEvent } from '../preload/contract';
import { ASSET_SCHEME } from './engine/types';
import { movedUserDataDir, storeFileIn } from './paths';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, createAppBundleHandler } from './app/app-protocol';
import { HELP_TEXT, parseAppArgs, userArgs } from './app/args';
import { createAssetHandler } from './app/asset-protocol';
import { appCsp } from './app/csp';
import { demoFolderPath } from './app/demo';
import { createEngineClient } from './app/engine-client';
import { createSenderCheck, registerIpc, type IpcMainLike } from './app/ipc';
import { openAppLog, type AppLog } from './app/log';
import { createMainWindow } from './app/main-window';
import { denyAllPermissions, hardenWebContents } from './app/navigation';
import { blockNetwork } from './app/network';
import { originOf } from './app/origin';
import { PRIVILEGED_SCHEMES } from './app/schemes';
import { createAppServices } from './app/services';
import { openSettings, SETTINGS_FILE_NAME } from './app/settings';
import { claimSingleInstance } from './app/single-instance';
import { kioskFileTarget } from './kiosk/kiosk-file';
import { createKioskService } from './kiosk/kiosk-service';
import { demoRootFor, isKioskFilePath, loadKioskStartup } from './kiosk/startup';

const here = dirname(fileURLToPath(import.meta.url));
/** Longest a quit waits for the engine to close (a first index of thousands of stands holds it). */
const QUIT_WAIT_MS = 10_000;
const args = parseAppArgs(userArgs(process.argv, Boolean(process.defaultApp)), process.cwd());

if (args.help) {
  process.stdout.write(HELP_TEXT);
  app.exit(0);
} else {
  main();
}

function main(): void {
  // Tests and portable kiosk setups keep their data elsewhere. Set before the single-instance lock, which
  // is per user data folder.
  const movedUserData = movedUserDataDir();
  if (movedUserData) app.setPath('userData', movedUserData);
  // The log lives where the OS keeps an app's logs, or beside data that was moved.
  const appLog = openAppLog(movedUserData ? join(movedUserData, 'logs') : app.getPath('logs'));
  // Must happen before `ready`.
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);

  let window: BrowserWindow | null = null;
  let pendingFolder: string | null = null;
  // Set once the services exist; tells the organiser itself when the folder cannot be added.
  let addFolder: ((path: string) => Promise<void>) | null = null;
  let quitting = false;

  const openFolder = (folder: string) => {
    if (addFolder) void addFolder(folder);
    else pendingFolder = folder;
  };
  const send = (event: AppEvent) => {
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  };

  // macOS hands files and folders dropped on the Dock icon (or double-clicked) over as events, not argv.
  let ready = false;
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (isKioskFilePath(path)) {
      // A kiosk file can only choose kiosk mode at start; later it is ignored rather than half-applied.
      if (!ready) Object.assign(args, { kiosk: true, kioskConfig: path });
      return;
    }
    openFolder(path);
  });

  logProcessEvents(appLog);

  const first = claimSingleInstance(app, args, (handOver) => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    if (handOver.folder) openFolder(handOver.folder);
  });
  if (!first) {
    app.quit();
    return;
  }
  appLog.info(
    `Standalone ${app.getVersion()} started (Electron ${process.versions.electron}, ${process.platform} ${process.arch})${args.kiosk ? ' in kiosk mode' : ''}.`,
  );

  // Development only: electron-vite serves the renderer with hot reload.
  const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || null;
  const devServerOrigin = devServerUrl ? originOf(devServerUrl) : null;
  const entryUrl = devServerUrl ?? APP_ENTRY_URL;
  const appOrigin = devServerOrigin ?? APP_ORIGIN;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, () => entryUrl));
  app.on('window-all-closed', () => app.quit());

  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Without a window nobody would see that the app is running, and every later launch would hand over
      // to this invisible one: say so, and end.
      appLog.error('Standalone could not start.', error);
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Standalone could not start', `${reason}\n\nThe details are in ${appLog.file}`);
      app.exit(1);
    });

  async function start(): Promise<void> {
    ready = true;
    const userData = app.getPath('userData');
    const settings = openSettings(join(userData, SETTINGS_FILE_NAME));
    const engine = createEngineClient({
      workerPath: join(here, 'engine-worker.js'),
      setup: { dbFile: storeFileIn(userData) },
      // Should a platform refuse the worker (e.g. loading it from the asar), the app still works.
      fallback: async () => (await import('./engine/index')).openEngine,
    });
    const kioskStartup = await loadKioskStartup({
      kiosk: args.kiosk,
      configFile: args.kioskConfig,
      fileMissing: args.kioskFileMissing,
      trial: args.kioskTrial,
    });
    const kiosk = createKioskService({
      startup: kioskStartup,
      listCollections: () => engine.listCollections(),
      // The organiser's Quit button: the before-quit handler below stops the folders and the engine first.
      quit: () => app.quit(),
    });
    kiosk.onChange((state) => send({ type: 'kiosk', state }));
    // A kiosk file's folders join the organiser's folders.
    const kioskFolders = kioskStartup.enabled ? kioskStartup.config.folders : [];
    if (kioskFolders.some((folder) => !settings.get().folders.includes(folder))) {
      settings.update((s) => void s.folders.push(...kioskFolders.filter((f) => !s.folders.includes(f))));
    }

    const ses = session.defaultSession;
    denyAllPermissions(ses);
    blockNetwork(ses, devServerOrigin);
    if (devServerOrigin) {
      // The dev server sends no CSP of its own; give its pages the app's policy (plus what hot reload needs).
      const csp = appCsp({ devServerOrigin });
      ses.webRequest.onHeadersReceived((details, callback) => {
        if (originOf(details.url) !== devServerOrigin) return callback({});
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
      });
    }
    protocol.handle(APP_SCHEME, createAppBundleHandler(join(here, '../renderer')));
    protocol.handle(ASSET_SCHEME, createAssetHandler(engine));

    const created = createAppServices({
      engine,
      settings,
      kiosk,
      emit: send,
      onNotice: (level, message) => logNotice(appLog, level, message),
      demoRoot: demoRootFor(
        kioskStartup,
        demoFolderPath({
          isPackaged: app.isPackaged,
          resourcesPath: process.resourcesPath,
          appPath: app.getAppPath(),
        }),
      ),
      pickFolder: async () => {
        const options = { title: 'Add a stands folder', properties: ['openDirectory' as const] };
        const result = window
          ? await dialog.showOpenDialog(window, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickKioskFile: async (defaultPath) => {
        const options = {
          title: 'Save the kiosk file',
          defaultPath,
          buttonLabel: 'Save',
          filters: [{ name: 'Standalone kiosk file', extensions: ['standalone-kiosk'] }],
          properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
        };
        const result = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
        if (result.canceled || !result.filePath) return null;
        // A Linux dialog may return the name without its ending: then it never asked about the file that has it.
        const { file, replacesUnasked } = await kioskFileTarget(result.filePath);
        if (!replacesUnasked) return file;
        const question = {
          type: 'warning' as const,
          title: 'Replace the kiosk file?',
          message: `${basename(file)} already exists. Do you want to replace it?`,
          detail: `It is in ${dirname(file)}. Choose Cancel to keep it, then save again under another name.`,
          buttons: ['Replace', 'Cancel'],
          defaultId: 1,
          cancelId: 1,
          noLink: true,
        };
        const answer = window
          ? await dialog.showMessageBox(window, question)
          : await dialog.showMessageBox(question);
        return answer.response === 0 ? file : null;
      },
      openExternalUrl: (url) => shell.openExternal(url, { activate: true }),
      version: app.getVersion(),
      platform: process.platform,
      startupNotices: args.errors,
      logFile: appLog.file,
    });
    const { services, folders, notice } = created;
    // Quitting stops the folders and closes the engine first, so its last store write lands, from the
    // moment they exist: an organiser may quit while the first index still runs. That index holds the
    // engine, so the wait is capped (the next start reads what it had not finished), and the window goes
    // at once rather than seem to ignore the quit meanwhile.
    app.on('before-quit', (event) => {
      if (quitting) return;
      quitting = true;
      event.preventDefault();
      for (const open of BrowserWindow.getAllWindows()) open.hide();
      const closed = folders
        .stop()
        .then(() => engine.close())
        .catch(() => undefined);
      const capped = new Promise<void>((resolve) => setTimeout(resolve, QUIT_WAIT_MS).unref());
      void Promise.race([closed, capped]).finally(() => app.quit());
    });
    // What getAppInfo shows the page once, written down as well: arguments, settings, the store.
    for (const message of [...args.errors, ...settings.notices]) appLog.warn(message);
    void engine
      .notices()
      .then((messages) => messages.forEach((message) => appLog.warn(message)))
      .catch(() => undefined);
    registerIpc(
      ipcMain as unknown as IpcMainLike,
      services,
      createSenderCheck(() => window?.webContents ?? null, appOrigin),
    );

    window = createMainWindow({
      preloadPath: join(here, '../preload/index.cjs'),
      url: entryUrl,
      settings,
      devTools: !app.isPackaged,
      kiosk: kioskStartup.enabled
        ? { isLocked: () => kiosk.isLocked(), isQuitting: () => quitting, quit: () => app.quit() }
        : null,
    });
    window.on('closed', () => (window = null));
    // A page that crashed, until it is loaded again (up to a minute later) and asks, hears nothing:
    // notices wait for it meanwhile.
    window.webContents.on('render-process-gone', () => created.pageLoading());
    window.webContents.on('did-start-loading', () => created.pageLoading());

    await folders.start().catch((error: Error) => notice('error', error.message));
    addFolder = (path) =>
      folders.addFolder(path).then(
        () => undefined,
        (error: Error) => notice('error', error.message),
      );
    const firstFolder = pendingFolder ?? args.folder;
    pendingFolder = null;
    if (firstFolder) openFolder(firstFolder);
  }
}

function logNotice(appLog: AppLog, level: 'info' | 'warning' | 'error', message: string): void {
  if (level === 'error') appLog.error(message);
  else if (level === 'warning') appLog.warn(message);
  else appLog.info(message);
}

/** What the organiser needs to know of a machine nobody was watching: pages and helpers that stopped. */
function logProcessEvents(appLog: AppLog): void {
  app.on('render-process-gone', (_event, _contents, details) => {
    if (details.reason !== 'clean-exit')
      appLog.warn(`The window's page stopped (${details.reason}, exit code ${details.exitCode}).`);
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit')
      appLog.warn(
        `Electron's ${details.type} process stopped (${details.reason}, exit code ${details.exitCode}).`,
      );
  });
}
