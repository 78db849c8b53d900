import { describe, expect, it } from 'vitest';
import { boundsOnScreen, windowOptions } from '../../../main/app/window';

describe('windowOptions', () => {
  const options = windowOptions({
    preloadPath: '/app/out/preload/index.cjs',
    bounds: null,
    devTools: false,
    kiosk: false,
  });
  const web = options.webPreferences!;

  it('isolates and sandboxes the renderer, with no Node', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content, webviews and experiments', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.enableBlinkFeatures).toBe('');
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads the bundled preload and shows the window only when ready', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(options.show).toBe(false);
  });

  it('turns devtools off when asked (packaged builds)', () => {
    expect(web.devTools).toBe(false);
    const dev = windowOptions({ preloadPath: '/p', bounds: null, devTools: true, kiosk: false });
    expect(dev.webPreferences!.devTools).toBe(true);
  });

  it('uses saved bounds', () => {
    const saved = windowOptions({
      preloadPath: '/p',
      bounds: { x: 5, y: 6, width: 1000, height: 700, maximized: false },
      devTools: false,
      kiosk: false,
    });
    expect(saved).toMatchObject({ x: 5, y: 6, width: 1000, height: 700 });
  });
});

describe('boundsOnScreen', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('keeps bounds that are on a display', () => {
    const bounds = { x: 100, y: 100, width: 1200, height: 800, maximized: true };
    expect(boundsOnScreen(bounds, screen)).toEqual(bounds);
  });

  it('drops the position of a window on a display that is gone, keeping its size', () => {
    expect(boundsOnScreen({ x: 2500, y: 100, width: 1200, height: 800, maximized: false }, screen)).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('enforces the minimum size and passes null through', () => {
    expect(boundsOnScreen({ width: 200, height: 100, maximized: false }, screen)).toMatchObject({
      width: 800,
      height: 600,
    });
    expect(boundsOnScreen(null, screen)).toBeNull();
  });
});
