// How many hits search as you type asks for. The end-to-end tests (outside the web TypeScript project)
// repeat the first two: change them there too.

/** Hits a keystroke asks for: about two screens of results on a 1080p kiosk. */
export const FIRST_HITS = 20;
/** Hits added each time the visitor scrolls to the end or asks for more. */
export const MORE_HITS = 50;
/** The most hits one search may ask for (main's and the engine's cap). */
export const MOST_HITS = 500;
