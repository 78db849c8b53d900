// "Make a kiosk file…" on the collections screen: an organiser with only the installed app (no Node, no
// source checkout) chooses the folders, the edition and the organiser PIN, and main saves the kiosk file
// where they say. The PIN is checked here for the organiser's sake and again in main; it is kept only in
// this form's state, and cleared once the file is saved.
import { useState, type FormEvent } from 'react';
import type { Collection } from '../../../main/engine/types';
import { KIOSK_RULES, type KioskFileRequest, type KioskSettings } from '../../../preload/contract';
import { api } from '../api';
import { distinctLabels } from '../lib/text';

const IDLE_RANGE = KIOSK_RULES.idleTimeoutSeconds;
const PIN_DIGITS = KIOSK_RULES.pinDigits;

/** What is wrong with the form, in the organiser's words; null when the file can be made. */
export function kioskFormProblem(form: {
  pin: string;
  again: string;
  folders: readonly string[];
  idleSeconds: string;
}): string | null {
  if (form.folders.length === 0) return 'Choose at least one folder for the kiosk to show.';
  if (form.pin === '') return `Type the organiser PIN: ${PIN_DIGITS.min} to ${PIN_DIGITS.max} digits.`;
  if (!/^[0-9]+$/.test(form.pin)) return 'The PIN must be digits only (0 to 9), with no letters or spaces.';
  if (form.pin.length < PIN_DIGITS.min || form.pin.length > PIN_DIGITS.max) {
    return `The PIN must be ${PIN_DIGITS.min} to ${PIN_DIGITS.max} digits long (this one has ${form.pin.length}).`;
  }
  if (form.again !== form.pin) return 'The two PINs are not the same: type the same PIN in both boxes.';
  const idle = Number(form.idleSeconds);
  if (!Number.isInteger(idle) || idle < IDLE_RANGE.min || idle > IDLE_RANGE.max) {
    return `The idle timeout must be a whole number of seconds from ${IDLE_RANGE.min} to ${IDLE_RANGE.max}.`;
  }
  return null;
}

interface Props {
  /** The organiser's collections, the embedded demo stands included (they are left out here). */
  collections: readonly Collection[];
}

/** The section itself; shown on the desktop only (the caller leaves it out in kiosk mode). */
export function KioskFileSection({ collections }: Props) {
  const [open, setOpen] = useState(false);
  // The demo stands' ids, asked for when the form opens: by then the demo is indexed if it is shown.
  const [demo, setDemo] = useState<string[] | null>(null);

  async function show() {
    setOpen(true);
    try {
      setDemo((await api.getAppInfo()).demoCollections);
    } catch {
      setDemo([]);
    }
  }

  return (
    <section className="sa-kiosk-file" aria-labelledby="sa-kiosk-file-title">
      <h2 id="sa-kiosk-file-title">Kiosk file</h2>
      <p className="sa-muted">
        A kiosk file starts Standalone as a locked, full-screen kiosk that only the organiser PIN unlocks.
      </p>
      {!open && (
        <button type="button" className="sa-button" onClick={() => void show()}>
          Make a kiosk file…
        </button>
      )}
      {open && demo !== null && (
        <KioskFileForm
          collections={collections.filter((c) => !demo.includes(c.id))}
          onClose={() => setOpen(false)}
        />
      )}
    </section>
  );
}

function KioskFileForm({ collections, onClose }: { collections: Collection[]; onClose: () => void }) {
  const [folders, setFolders] = useState<string[]>(() => collections.map((c) => c.id));
  const [edition, setEdition] = useState<string>(collections[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [startScreen, setStartScreen] = useState<KioskSettings['startScreen']>('overview');
  const [idleSeconds, setIdleSeconds] = useState(String(IDLE_RANGE.default));
  const [textSize, setTextSize] = useState<KioskSettings['textSize']>('normal');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ path: string; fullPaths: string[] } | null>(null);
  const [cancelled, setCancelled] = useState(false);

  // The chosen folders, in the order of the list; the edition is always one of them.
  const chosen = collections.filter((c) => folders.includes(c.id));
  const labels = distinctLabels(collections);
  const startsOn = chosen.some((c) => c.id === edition) ? edition : (chosen[0]?.id ?? '');

  const toggle = (id: string, on: boolean) =>
    setFolders((list) => (on ? [...list, id] : list.filter((other) => other !== id)));

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setCancelled(false);
    const wrong = kioskFormProblem({ pin, again, folders: chosen.map((c) => c.id), idleSeconds });
    setProblem(wrong);
    if (wrong) return;
    const request: KioskFileRequest = {
      pin,
      collections: chosen.map((c) => c.id),
      edition: startsOn || null,
      startScreen,
      idleTimeoutSeconds: Number(idleSeconds),
      textSize,
    };
    setBusy(true);
    try {
      const result = await api.makeKioskFile(request);
      if (result.saved) {
        setSaved({ path: result.path, fullPaths: result.fullPaths });
        setPin('');
        setAgain('');
      } else {
        setCancelled(true);
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  if (collections.length === 0) {
    return (
      <div className="sa-kiosk-file-form">
        <p>
          Add your stands folder first (Add a folder… above): the demo stands come with Standalone and cannot
          go on a kiosk.
        </p>
        <button type="button" className="sa-button sa-button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }

  return (
    <form className="sa-kiosk-file-form" onSubmit={(event) => void save(event)} noValidate>
      <fieldset>
        <legend>Folders the kiosk shows</legend>
        {collections.map((collection) => (
          <label key={collection.id} className="sa-check">
            <input
              type="checkbox"
              checked={folders.includes(collection.id)}
              onChange={(event) => toggle(collection.id, event.target.checked)}
            />
            <bdi>{collection.name}</bdi>{' '}
            <span className="sa-path" dir="ltr">
              {collection.root}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="sa-filters">
        <div className="sa-field">
          <label htmlFor="sa-kiosk-edition">Edition it starts on</label>
          <select
            id="sa-kiosk-edition"
            value={startsOn}
            onChange={(event) => setEdition(event.target.value)}
            disabled={chosen.length === 0}
          >
            {chosen.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {labels.get(collection.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="sa-field">
          <label htmlFor="sa-kiosk-pin">
            Organiser PIN ({PIN_DIGITS.min} to {PIN_DIGITS.max} digits)
          </label>
          <input
            id="sa-kiosk-pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            onChange={(event) => setPin(event.target.value)}
          />
        </div>
        <div className="sa-field">
          <label htmlFor="sa-kiosk-pin-again">The same PIN again</label>
          <input
            id="sa-kiosk-pin-again"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={again}
            onChange={(event) => setAgain(event.target.value)}
          />
        </div>
      </div>
      <div className="sa-filters">
        <div className="sa-field">
          <label htmlFor="sa-kiosk-start">Start screen</label>
          <select
            id="sa-kiosk-start"
            value={startScreen}
            onChange={(event) => setStartScreen(event.target.value as KioskSettings['startScreen'])}
          >
            <option value="overview">Overview</option>
            <option value="themes">Themes</option>
            <option value="search">Search</option>
            <option value="attract">Attract loop</option>
          </select>
        </div>
        <div className="sa-field">
          <label htmlFor="sa-kiosk-idle">Reset after (seconds without a touch)</label>
          <input
            id="sa-kiosk-idle"
            type="number"
            min={IDLE_RANGE.min}
            max={IDLE_RANGE.max}
            step={1}
            value={idleSeconds}
            onChange={(event) => setIdleSeconds(event.target.value)}
          />
        </div>
        <div className="sa-field">
          <label htmlFor="sa-kiosk-text">Text size</label>
          <select
            id="sa-kiosk-text"
            value={textSize}
            onChange={(event) => setTextSize(event.target.value as KioskSettings['textSize'])}
          >
            <option value="normal">Normal</option>
            <option value="large">Large</option>
            <option value="larger">Largest</option>
          </select>
        </div>
      </div>
      {problem && (
        <p className="sa-error" role="alert">
          {problem}
        </p>
      )}
      {cancelled && <p className="sa-muted">Not saved: the save window was closed.</p>}
      <div className="sa-inline-form">
        <button type="submit" className="sa-button sa-button-primary" disabled={busy}>
          Save the kiosk file…
        </button>
        <button type="button" className="sa-button sa-button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
      {saved && (
        <div className="sa-kiosk-file-saved" role="status">
          <p>
            Saved as{' '}
            <code className="sa-path" dir="ltr">
              {saved.path}
            </code>
          </p>
          {saved.fullPaths.length > 0 && (
            <div className="sa-kiosk-file-warning">
              <p>
                <strong>
                  {saved.fullPaths.length === 1 ? 'This folder is' : 'These folders are'} not inside the
                  folder where you saved the kiosk file:
                </strong>
              </p>
              <ul>
                {saved.fullPaths.map((folder) => (
                  <li key={folder}>
                    <code className="sa-path" dir="ltr">
                      {folder}
                    </code>
                  </li>
                ))}
              </ul>
              <p>
                The file names {saved.fullPaths.length === 1 ? 'it' : 'them'} by this full path, so a kiosk
                shows {saved.fullPaths.length === 1 ? 'it' : 'them'} only if{' '}
                {saved.fullPaths.length === 1 ? 'it is' : 'they are'} at exactly this place on the kiosk too.
                To copy the stands and the kiosk file together (to a USB stick or the kiosk’s disk), save the
                kiosk file again in the folder that holds the stands folders.
              </p>
            </div>
          )}
          <p>What to do next, for each kiosk:</p>
          <ol>
            <li>
              Copy this file and the stands folder to the kiosk’s own disk, side by side as they are now. A
              stands folder inside the file’s folder is found wherever the two are copied together; one
              elsewhere must be at the same place on the kiosk.
            </li>
            <li>Install Standalone on the kiosk and open it once by hand, then close it.</li>
            <li>
              Double-click the kiosk file, or start Standalone with the file, to start the kiosk. To unlock
              it, press Ctrl+Alt+Shift+K or quickly tap the edition and date in the bottom corner five times,
              then type the PIN.
            </li>
            <li>
              To have the kiosk start by itself, add the kiosk file to the computer’s programs that start at
              login (the kiosk deployment guide in Standalone’s documentation shows how on each system).
            </li>
          </ol>
          <p>Keep the PIN somewhere safe: it cannot be read back from the file.</p>
        </div>
      )}
    </form>
  );
}
