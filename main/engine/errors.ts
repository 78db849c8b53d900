// The one error the engine throws on purpose: a folder that cannot be indexed at all. Everything
// wrong inside a folder is a problem in the index instead.

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
