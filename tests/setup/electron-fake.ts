// A stand-in for the parts of `electron` the main-process glue uses. Extended by the glue's tests.
import { vi } from 'vitest';

export const app = { getPath: vi.fn(() => '/nonexistent'), getVersion: vi.fn(() => '0.0.0'), isPackaged: false };
export default { app };
