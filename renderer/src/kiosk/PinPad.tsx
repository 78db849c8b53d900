// The organiser's PIN pad. Opened by Ctrl+Alt+Shift+K or five quick taps on the freshness stamp; the
// main process checks the PIN (and slows down guessing), this only collects it. It is also where a
// broken kiosk file is reported: only organisers open it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { KIOSK_RULES } from '../../../preload/contract';
import { api } from '../api';

const MAX_DIGITS = KIOSK_RULES.pinDigits.max;
/** Matches the main process's back-off, which starts after this many wrong PINs. */
const FREE_ATTEMPTS = 5;

export function PinPad({
  configError,
  pinSet,
  onUnlocked,
  onClose,
}: {
  configError: string | null;
  /** False when no PIN can unlock the kiosk (its file has no usable pinHash): say so, not "wrong PIN". */
  pinSet: boolean;
  onUnlocked: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(0);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    inputRef.current?.focus();
  }, []);

  const press = (digit: string) => {
    setPin((current) => (current.length < MAX_DIGITS ? current + digit : current));
    inputRef.current?.focus();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || pin === '') return;
    setBusy(true);
    const ok = await api.unlockKiosk(pin).catch(() => false);
    setBusy(false);
    setPin('');
    if (ok) {
      ref.current?.close();
      onUnlocked();
    } else {
      setWrong((n) => n + 1);
      inputRef.current?.focus();
    }
  };

  const message = !pinSet
    ? 'No PIN unlocks this kiosk: its kiosk file has no usable pinHash.'
    : wrong === 0
      ? null
      : wrong < FREE_ATTEMPTS
        ? `That PIN is not right (${wrong} wrong so far).`
        : 'That PIN is not right. After so many wrong PINs the kiosk makes you wait longer before each new try.';

  return (
    <dialog ref={ref} className="sa-dialog sa-pinpad" aria-labelledby="sa-pinpad-title" onClose={onClose}>
      <h2 id="sa-pinpad-title">Organiser PIN</h2>
      {configError && (
        <div className="sa-pinpad-config-error">
          <h3>Kiosk file problem</h3>
          <p className="sa-pre-line">{configError}</p>
        </div>
      )}
      <form onSubmit={submit}>
        <label htmlFor="sa-pinpad-input">Enter the organiser PIN to unlock settings</label>
        <input
          ref={inputRef}
          id="sa-pinpad-input"
          className="sa-pinpad-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={MAX_DIGITS}
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/[^0-9]/g, '').slice(0, MAX_DIGITS))}
          aria-describedby={message ? 'sa-pinpad-message' : undefined}
        />
        <p id="sa-pinpad-message" className="sa-pinpad-message" role="status">
          {message}
        </p>
        <div className="sa-pinpad-keys">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => (
            <button
              key={digit}
              type="button"
              className="sa-button sa-pinpad-key"
              onClick={() => press(digit)}
            >
              {digit}
            </button>
          ))}
          <button
            type="button"
            className="sa-button sa-pinpad-key"
            aria-label="Clear"
            onClick={() => {
              setPin('');
              inputRef.current?.focus();
            }}
          >
            C
          </button>
          <button type="button" className="sa-button sa-pinpad-key" onClick={() => press('0')}>
            0
          </button>
          <button
            type="button"
            className="sa-button sa-pinpad-key"
            aria-label="Delete last digit"
            onClick={() => {
              setPin((current) => current.slice(0, -1));
              inputRef.current?.focus();
            }}
          >
            ⌫
          </button>
        </div>
        <div className="sa-dialog-actions">
          <button type="button" className="sa-button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="sa-button sa-button-primary" disabled={busy || pin === ''}>
            Unlock
          </button>
        </div>
      </form>
    </dialog>
  );
}
