// Printing bench figures next to their targets, and keeping the targets for results.json.
import process from 'node:process';

/** Formats milliseconds for people: 0.42 ms, 38 ms, 1.25 s. */
export function ms(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 1000) return `${Math.round(value)} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

/** Formats bytes: 812 KB, 3.4 MB. */
export function bytes(value) {
  if (value === null || value === undefined) return '—';
  if (value < 1024 * 1024) return `${Math.round(value / 1024)} KB`;
  return `${(value / 1024 / 1024).toFixed(1)} MB`;
}

/** The median of some numbers (the cold runs). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function createReporter(write = (text) => process.stdout.write(text)) {
  let pending = {};
  const all = [];
  return {
    heading(text) {
      write(`\n== ${text}\n`);
    },
    line(text) {
      write(`${text}\n`);
    },
    /** One figure: label, value and an optional note, aligned. */
    row(label, value, note = '') {
      write(`  ${label.padEnd(22)} ${String(value).padEnd(14)} ${note}`.trimEnd() + '\n');
    },
    /**
     * A figure with a target it must not exceed. `id` keys it in results.json; `shown` is how the
     * value and the limit read to people.
     */
    target({ id, label, value, limit, shown, limitShown }) {
      const pass = value !== null && value !== undefined && !Number.isNaN(value) && value <= limit;
      const record = { label, value, limit, pass };
      pending[id] = record;
      all.push({ id, ...record, shown, limitShown });
      write(
        `  ${label.padEnd(22)} ${String(shown).padEnd(14)} target ${limitShown.padEnd(16)} ${pass ? 'PASS' : 'FAIL'}\n`,
      );
      return record;
    },
    /** The targets recorded since the last call (one section's). */
    takeTargets() {
      const taken = pending;
      pending = {};
      return taken;
    },
    /** Prints every target of this run; returns how many were missed. */
    summary() {
      if (all.length === 0) write('  (no target measured)\n');
      for (const item of all) {
        write(
          `  ${item.pass ? 'PASS' : 'FAIL'}  ${item.id.padEnd(34)} ${String(item.shown).padEnd(14)} ${item.limitShown}\n`,
        );
      }
      return all.filter((item) => !item.pass).length;
    },
  };
}
