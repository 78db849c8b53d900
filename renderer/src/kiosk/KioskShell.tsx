// Kiosk mode around the app: idle reset, attract loop, the visitor's bar (back, start, text size and
// contrast), an on-screen keyboard, the freshness stamp and the organiser's PIN pad. Outside kiosk mode it
// renders the app unchanged.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Collection } from '../../../main/engine/types';
import type { KioskState } from '../../../preload/contract';
import { api } from '../api';
import { useAppState } from '../hooks/app-state';
import { navigate, useHashPath, useHashSearch } from '../lib/hash-location';
import { expectReturn } from '../lib/scroll-restoration';
import { collectionOfPath, to } from '../routes';
import { AttractLoop } from './AttractLoop';
import { FreshnessStamp } from './FreshnessStamp';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { OrganiserBar } from './OrganiserBar';
import { PinPad } from './PinPad';
import { VisitorBar, type TextSize } from './VisitorBar';
import { isPinPadShortcut } from './gestures';
import { useIdleReset } from './use-idle-reset';
import { clearPageTraces, createVisitHistory } from './visit';

export function KioskShell({ children }: { children: ReactNode }) {
  const { kiosk, collections } = useAppState();
  if (!kiosk?.enabled) return <>{children}</>;
  return (
    <KioskFrame kiosk={kiosk} collections={collections ?? []}>
      {children}
    </KioskFrame>
  );
}

const pathOf = (location: string): string => location.split('?')[0] ?? location;

function KioskFrame({
  kiosk,
  collections,
  children,
}: {
  kiosk: KioskState;
  collections: Collection[];
  children: ReactNode;
}) {
  const { settings } = kiosk;
  const attractOnIdle = settings.attract.enabled || settings.startScreen === 'attract';
  const [generation, setGeneration] = useState(0);
  const [attract, setAttract] = useState(settings.startScreen === 'attract');
  const [pinOpen, setPinOpen] = useState(false);
  const [unlocked, setUnlocked] = useState(kiosk.unlocked);
  const [textSize, setTextSize] = useState<TextSize>(settings.textSize);
  const [highContrast, setHighContrast] = useState(false);
  const [canGoBack, setCanGoBack] = useState(false);

  // The kiosk's own back stack: moves between screens, not every keystroke of a search.
  const visits = useRef(createVisitHistory());
  const last = useRef<string | null>(null);
  const [path] = useHashPath();
  const search = useHashSearch();
  const location = search ? `${path}?${search}` : path;
  useEffect(() => {
    const previous = last.current;
    last.current = location;
    if (previous === null || previous === '/' || pathOf(previous) === pathOf(location)) return;
    visits.current.moved(previous);
    setCanGoBack(visits.current.canGoBack());
  }, [location]);

  // Back to the start screen with nothing to go Back to.
  const startOver = useCallback(() => {
    visits.current.clear();
    setCanGoBack(false);
    last.current = null;
    navigate('/', { replace: true });
  }, []);

  // Locked again: the organiser's screens must not be a visitor's way Back.
  const lockedAgain = useCallback(() => {
    setUnlocked(false);
    startOver();
  }, [startOver]);

  // The main process may lock on its own (the unlock expired): follow it.
  const mainUnlocked = useRef(kiosk.unlocked);
  useEffect(() => {
    if (mainUnlocked.current && !kiosk.unlocked) lockedAgain();
    mainUnlocked.current = kiosk.unlocked;
  }, [kiosk.unlocked, lockedAgain]);

  const resetVisit = useCallback(() => {
    clearPageTraces();
    startOver();
    setGeneration((g) => g + 1);
    setPinOpen(false);
    setTextSize(settings.textSize);
    setHighContrast(false);
    if (unlocked) void api.lockKiosk().catch(() => undefined);
    setUnlocked(false);
    setAttract(attractOnIdle);
  }, [startOver, settings.textSize, attractOnIdle, unlocked]);

  useIdleReset(settings.idleTimeoutSeconds * 1000, resetVisit);

  const unlockedByOrganiser = useCallback(() => {
    setPinOpen(false);
    setUnlocked(true);
    navigate(to.collections());
  }, []);

  // The organiser gesture: the PIN pad, or straight in on a trial kiosk (`--kiosk`, no kiosk file), which
  // has no PIN; main decides either way.
  const trial = kiosk.trial;
  const openPinPad = useCallback(() => {
    setAttract(false);
    if (!trial) {
      setPinOpen(true);
      return;
    }
    void api
      .unlockKiosk('')
      .catch(() => null)
      .then((result) => {
        if (result?.unlocked) unlockedByOrganiser();
      });
  }, [trial, unlockedByOrganiser]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPinPadShortcut(event)) return;
      event.preventDefault();
      openPinPad();
    };
    // Long presses on a touch screen must not bring up a menu (copy image, inspect…).
    const onContextMenu = (event: Event) => event.preventDefault();
    window.addEventListener('keydown', onKey, { capture: true });
    document.addEventListener('contextmenu', onContextMenu);
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      document.removeEventListener('contextmenu', onContextMenu);
    };
  }, [openPinPad]);

  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('sa-kiosk');
    root.classList.toggle('sa-text-large', textSize === 'large');
    root.classList.toggle('sa-text-larger', textSize === 'larger');
    root.classList.toggle('sa-contrast-high', highContrast);
    return () => root.classList.remove('sa-kiosk', 'sa-text-large', 'sa-text-larger', 'sa-contrast-high');
  }, [textSize, highContrast]);

  const routeCollection = collectionOfPath(path);
  const shown =
    collections.find((c) => c.id === routeCollection) ??
    collections.find((c) => c.id === settings.collection) ??
    collections[0] ??
    null;

  return (
    <>
      {/* A new key on every reset drops every screen's state: scroll, filters, half-typed text. */}
      <div key={generation} className="sa-kiosk-frame">
        {children}
      </div>
      {unlocked && (
        <OrganiserBar
          kiosk={kiosk}
          collection={shown?.id ?? null}
          onLock={() => {
            void api.lockKiosk().catch(() => undefined);
            lockedAgain();
          }}
          // Main refuses it unless the kiosk is unlocked; an unlock that just ran out locks this page too.
          onQuit={() => void api.quitKiosk().catch(() => undefined)}
        />
      )}
      <OnScreenKeyboard />
      {/* Keyed too (not by the frame's own key, which siblings must not share): the Text & contrast panel a
          visitor left open closes for the next one. */}
      <VisitorBar
        key={`bar-${generation}`}
        canGoBack={canGoBack}
        onBack={() => {
          const previous = visits.current.back();
          setCanGoBack(visits.current.canGoBack());
          last.current = null;
          if (previous) expectReturn(previous);
          navigate(previous ?? '/', { replace: true });
        }}
        onStart={startOver}
        textSize={textSize}
        onTextSize={setTextSize}
        highContrast={highContrast}
        onHighContrast={setHighContrast}
      >
        <FreshnessStamp collection={shown} onOrganiserGesture={openPinPad} />
      </VisitorBar>
      {pinOpen && (
        <PinPad
          configError={kiosk.configError}
          pinSet={kiosk.pinSet}
          onClose={() => setPinOpen(false)}
          onUnlocked={unlockedByOrganiser}
        />
      )}
      {attract && (
        <AttractLoop
          collection={shown?.id ?? null}
          collectionName={shown?.name ?? null}
          settings={settings}
          onLeave={() => {
            setAttract(false);
            startOver();
          }}
        />
      )}
    </>
  );
}
