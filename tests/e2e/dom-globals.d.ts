// The end-to-end tests hand functions to Chromium (page.evaluate) and bundle the electron shim for the
// page: they need the DOM's types next to Node's.
/// <reference lib="dom" />
