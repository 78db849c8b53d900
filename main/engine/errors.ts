// The errors the engine throws on purpose: a folder that cannot be indexed at all, and a store another
// Standalone is writing. Everything wrong inside a folder is a problem in the index instead.

export type IndexErrorCode =
  'folder-missing' | 'folder-unreadable' | 'not-a-stands-folder' | 'unknown-collection';

/** Thrown by indexFolder/reindex when there is nothing that could be indexed. */
export class IndexError extends Error {
  constructor(
    readonly code: IndexErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IndexError';
  }
}

/** Thrown by openEngine when another process (the app, another `standalone index`) holds the store. */
export class StoreInUseError extends Error {
  constructor(readonly file: string) {
    super(`The store ${file} is in use by Standalone (the app or another \`standalone index\`).`);
    this.name = 'StoreInUseError';
  }
}

/**
 * Thrown by openEngine with `keepForeignFile` when the store file is some other file (a package.json, a
 * text file): it is left where it is instead of being moved aside as a damaged store would be.
 */
export class NotAStoreError extends Error {
  constructor(
    readonly file: string,
    readonly why: string,
  ) {
    super(`${file} is not a Standalone store (${why}).`);
    this.name = 'NotAStoreError';
  }
}

/** What went wrong with writing or reading a file, in words an organiser understands, not an error code. */
export function fileTrouble(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  // A folder on the way that is a file: making the folders fails with EEXIST, opening a file in it with ENOTDIR.
  if (code === 'ENOTDIR' || (code === 'EEXIST' && (error as NodeJS.ErrnoException).syscall === 'mkdir'))
    return 'a part of its path is a file, not a folder';
  return error instanceof Error ? error.message : String(error);
}
