// What every end-to-end suite checks after each test, whatever the test did: no request left the
// machine, nothing failed in the page, nothing was logged as an error.
import { expect } from 'vitest';
import type { Harness } from './harness';

export function expectCleanPage(harness: Harness): void {
  expect(harness.offMachine()).toEqual([]);
  expect(harness.pageErrors).toEqual([]);
  expect(harness.consoleErrors()).toEqual([]);
}
