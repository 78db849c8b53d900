// What a kiosk file asks of the editions it names, checked once `standalone check` has indexed them: an
// `edition` that names none of them opens the kiosk on its first one, and a featured stand or theme that
// is not there is skipped by the attract loop without a word. The kiosk itself cannot say so to anyone.
import type { Queries } from '../engine/api';
import type { Collection } from '../engine/types';
import { collectionAtFolder, resolveEdition, type KioskConfig } from '../kiosk/config';

/** Warnings (one line each) for a valid kiosk file's `edition` and `featured`, against the collections checked. */
export function kioskSettingsWarnings(queries: Queries, config: KioskConfig): string[] {
  const collections = queries.listCollections();
  const own = config.folders
    .map((folder) => collectionAtFolder(collections, folder))
    .filter((collection): collection is Collection => collection !== undefined);
  if (own.length === 0) return [];
  const warnings: string[] = [];
  const { collection: edition, featured } = config.settings;
  let shown = own[0]!;
  if (edition !== null) {
    const id = resolveEdition(edition, own, config.folders);
    const found = own.find((collection) => collection.id === id);
    if (found) shown = found;
    else {
      warnings.push(
        `"edition": ${JSON.stringify(edition)} names none of the editions this file lists (${own.map((c) => c.id).join(', ')}), so the kiosk opens on ${shown.id}. Write one of those, or null for the first.`,
      );
    }
  }
  const stands = new Set(queries.listStands(shown.id).map((stand) => stand.slug));
  for (const slug of featured.stands) {
    if (!stands.has(slug)) {
      warnings.push(
        `"featured.stands": ${JSON.stringify(slug)} is not a stand on ${shown.id}'s overview, so the attract loop skips it. Write the name of its file or folder under content/stands/ (a stand shown on the overview).`,
      );
    }
  }
  const themes = new Set(queries.listThemes(shown.id).map((theme) => theme.slug));
  for (const slug of featured.themes) {
    if (!themes.has(slug)) {
      warnings.push(
        `"featured.themes": ${JSON.stringify(slug)} is not a theme of ${shown.id}, so the attract loop skips it. Write the name of its folder under content/themes/.`,
      );
    }
  }
  return warnings;
}
