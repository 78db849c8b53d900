// The stopword package ships no type definitions; the engine uses its English list.
declare module 'stopword' {
  /** English stop words, lowercase. */
  export const eng: readonly string[];
}
