// What every IPC handler answers: a value, or an error the renderer can show. Main never throws across
// IPC (Electron would wrap the message in "Error invoking remote method…" and log it); the preload unwraps
// this into a resolved value or a rejected Error. Pure module, shared by main and preload.

export type IpcErrorCode = 'forbidden' | 'unknown-channel' | 'invalid-arguments' | 'failed';

export type IpcResult<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

/** Turns an IPC answer into its value, or throws an Error with the main process's message. */
export function unwrapIpcResult<T>(result: unknown, channel: string): T {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    const r = result as IpcResult<T>;
    if (r.ok) return r.value;
    const error = new Error(
      typeof r.error?.message === 'string' ? r.error.message : `Request ${channel} failed.`,
    );
    error.name = 'StandaloneError';
    throw error;
  }
  throw new Error(`Request ${channel} got no valid answer.`);
}
