// The organiser's PIN pad. Opened by Ctrl+Alt+Shift+K or five quick taps on the freshness stamp; the
// main process checks the PIN (and slows down guessing), this only collects it. It is also where a
// broken kiosk file is reported: only organisers open it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { KIOSK_RULES, type UnlockResult } from '../../../preload/contract';
import { api } from '../api';
import { plural } from '../lib/text';

const MAX_DIGITS = KIOSK_RULES.pinDigits.max;
const NOT_ANSWERED: UnlockResult = { unlocked: false, why: 'wrong', retryAfterMs: 0 };

const inSeconds = (ms: number) => Math.ceil(ms / 1000);

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
  /** The last refusal, and until when main checks no PIN (a time on Date.now's clock, 0 for none). */
  const [refused, setRefused] = useState<{ why: 'wrong' | 'waiting' | 'no-pin'; until: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const waitMs = refused ? Math.max(0, refused.until - now) : 0;

  // Counts the wait down once a second, and stops when it is over.
  useEffect(() => {
    if (!refused || refused.until <= Date.now()) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= refused.until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [refused]);

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
    const result = await api.unlockKiosk(pin).catch(() => NOT_ANSWERED);
    setBusy(false);
    setPin('');
    if (result.unlocked) {
      ref.current?.close();
      onUnlocked();
    } else {
      if (result.why === 'wrong') setWrong((n) => n + 1);
      const at = Date.now();
      setNow(at);
      setRefused({ why: result.why, until: at + result.retryAfterMs });
      inputRef.current?.focus();
    }
  };

  const message =
    !pinSet || refused?.why === 'no-pin'
      ? 'No PIN unlocks this kiosk: its kiosk file has no usable pinHash.'
      : refused === null
        ? null
        : refused.why === 'waiting'
          ? waitMs > 0
            ? `Too many wrong PINs: no PIN is checked for ${plural(inSeconds(waitMs), 'more second', 'more seconds')}. Try again then.`
            : 'Too many wrong PINs: try again now.'
          : waitMs > 0
            ? `That PIN is not right. Wait ${plural(inSeconds(waitMs), 'second')} before the next try.`
            : `That PIN is not right (${wrong} wrong so far).`;

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
          <button
            type="submit"
            className="sa-button sa-button-primary"
            disabled={busy || pin === '' || waitMs > 0}
          >
            Unlock
          </button>
        </div>
      </form>
    </dialog>
  );
}
