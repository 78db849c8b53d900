// How many hits search as you type asks for. Plain numbers, no DOM: the end-to-end tests import them
// too (tsconfig.node.json lists this file).

/** Hits a keystroke asks for: about two screens of results on a 1080p kiosk. */
export const FIRST_HITS = 20;
/** Hits added each time the visitor scrolls to the end or asks for more. */
export const MORE_HITS = 50;
/** The most hits one search may ask for: main's and the engine's cap itself. */
export { MAX_SEARCH_LIMIT as MOST_HITS } from '../../../main/engine/types';
