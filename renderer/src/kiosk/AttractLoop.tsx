// The attract loop: while nobody uses the kiosk, a full-screen slideshow of stands and themes invites
// people over. Any touch, click or key leaves it for the start screen.
import { useEffect, useRef, useState } from 'react';
import type { KioskSettings } from '../../../preload/contract';
import { api } from '../api';
import { StandLogo } from '../components/common';
import { plural } from '../lib/text';
import { attractSlides, plainText, type Slide } from './attract-slides';

export function AttractLoop({
  collection,
  collectionName,
  settings,
  onLeave,
}: {
  collection: string | null;
  collectionName: string | null;
  settings: KioskSettings;
  onLeave: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [slides, setSlides] = useState<Slide[]>([]);
  const [index, setIndex] = useState(0);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    if (collection === null) return;
    let live = true;
    Promise.all([api.listStands(collection), api.listThemes(collection)]).then(
      ([stands, themes]) => {
        if (!live) return;
        setSlides(attractSlides(stands, themes, settings.featured));
        setIndex(0);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [collection, settings.featured]);

  useEffect(() => {
    if (slides.length < 2) return;
    const timer = setInterval(
      () => setIndex((i) => (i + 1) % slides.length),
      settings.attract.slideSeconds * 1000,
    );
    return () => clearInterval(timer);
  }, [slides.length, settings.attract.slideSeconds]);

  // Keys anywhere leave the loop (the dialog has focus, but a key may arrive before it does).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (['Control', 'Alt', 'Shift', 'Meta'].includes(event.key)) return;
      event.preventDefault();
      onLeave();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onLeave]);

  const slide = slides.length > 0 ? slides[index % slides.length] : undefined;
  return (
    <dialog
      ref={ref}
      className="sa-attract"
      aria-labelledby="sa-attract-prompt"
      // A click (a tap) rather than pointerdown: leaving on pointerdown would let the same tap's click
      // land on whatever the start screen shows under the finger.
      onClick={onLeave}
      onWheel={onLeave}
      onCancel={(event) => {
        event.preventDefault();
        onLeave();
      }}
    >
      <div className="sa-attract-stage">
        {collectionName && (
          <p className="sa-attract-event" dir="auto">
            {collectionName}
          </p>
        )}
        {slide ? <SlideView key={`${slide.kind}-${index}`} slide={slide} /> : <EmptySlide />}
        {slides.length > 1 && (
          <p className="sa-attract-count" aria-hidden="true">
            {(index % slides.length) + 1} / {slides.length}
          </p>
        )}
      </div>
      <p id="sa-attract-prompt" className="sa-attract-prompt">
        <span aria-hidden="true">☝</span> Touch to explore
      </p>
    </dialog>
  );
}

function SlideView({ slide }: { slide: Slide }) {
  if (slide.kind === 'stand') {
    const { stand } = slide;
    return (
      <article className="sa-attract-slide">
        <StandLogo
          collection={stand.collection}
          logo={stand.logo}
          title={stand.title}
          className="sa-attract-logo"
        />
        <div className="sa-attract-text">
          <p className="sa-attract-kind">Stand</p>
          <h2 className="sa-attract-title" dir="auto">
            {stand.title}
          </h2>
          {stand.summary && (
            <p className="sa-attract-summary" dir="auto">
              {stand.summary}
            </p>
          )}
          {stand.themes.length > 0 && (
            <p className="sa-attract-themes">
              {stand.themes.map((theme) => (
                <span key={theme.slug} className="sa-chip sa-chip-static" dir="auto">
                  {theme.title}
                </span>
              ))}
            </p>
          )}
        </div>
      </article>
    );
  }
  const { theme } = slide;
  return (
    <article className="sa-attract-slide sa-attract-slide-theme">
      <StandLogo
        collection={theme.collection}
        logo={theme.icon}
        title={theme.title}
        className="sa-attract-logo"
      />
      <div className="sa-attract-text">
        <p className="sa-attract-kind">Theme · {plural(theme.standCount, 'stand')}</p>
        <h2 className="sa-attract-title" dir="auto">
          {theme.title}
        </h2>
        {theme.descriptionHtml && (
          <p className="sa-attract-summary" dir="auto">
            {plainText(theme.descriptionHtml)}
          </p>
        )}
      </div>
    </article>
  );
}

function EmptySlide() {
  return (
    <article className="sa-attract-slide">
      <div className="sa-attract-text">
        <h2 className="sa-attract-title">Standalone</h2>
        <p className="sa-attract-summary">
          Stands, themes and projects: browse them here, no internet needed.
        </p>
      </div>
    </article>
  );
}
