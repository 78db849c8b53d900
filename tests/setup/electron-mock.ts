// The one place `electron` is mocked: importing the real module under plain Node tries to download
// Electron's binary. Tests that need particular behaviour reach into these mocks with vi.mocked().
import { vi } from 'vitest';

vi.mock('electron', () => import('./electron-fake'));
