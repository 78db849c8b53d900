// Hugo's rules for folders and formats, fixture tests/fixtures/engine/publishing. Checked against
// `hugo` with ../shared/hugo-reference/manifest.sh: Hugo publishes leaf, both (with child), weights
// (Delta, Charlie, Echo, alpha, Bravo), harbour_guild/guild.md, mooring.md (not Mooring.html),
// toml-stand and json-stand; it ignores both/index.html and leaf/attachment.md.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/engine/api';
import { openEngine } from '../../../main/engine/index';
import { FIXTURES } from './helpers';

let engine: Engine;
let id: string;

beforeAll(async () => {
  engine = await openEngine({ dbFile: null });
  id = (await engine.indexFolder(path.join(FIXTURES, 'publishing'))).collection.id;
  return () => engine.close();
});

const problem = (file: string) => engine.listProblems({ collection: id }).find((p) => p.file === file);

describe('Hugo folder rules', () => {
  it('lists what Hugo publishes with show_on_overview, in its order', () => {
    // Weights' _index.md has no date, so Hugo dates it by its newest page: dated stands come first.
    expect(engine.listStands(id).map((s) => [s.slug, s.title])).toEqual([
      ['weights', 'Weights'],
      ['both', 'Both'],
      ['harbour_guild', 'Harbour Guild'],
      ['json-stand', 'JSON Stand'],
      ['leaf', 'Leaf Bundle'],
      ['mooring', 'Mooring'],
      ['toml-stand', 'TOML Stand'],
    ]);
  });

  it('orders sub-pages like Hugo: weight, then date, then title', () => {
    expect(engine.getStand(id, 'weights')!.pages.map((p) => p.title)).toEqual([
      'Delta',
      'Charlie',
      'Echo',
      'alpha',
      'Bravo',
    ]);
  });

  it('makes index.md a leaf bundle whose other pages are not pages', () => {
    expect(engine.getStand(id, 'leaf')).toMatchObject({ file: 'content/stands/leaf/index.md', pages: [] });
    expect(problem('content/stands/leaf/attachment.md')).toMatchObject({
      code: 'file-skipped',
      severity: 'warning',
      stand: 'leaf',
    });
  });

  it('ignores index.html beside _index.md', () => {
    const stand = engine.getStand(id, 'both')!;
    expect(stand.file).toBe('content/stands/both/_index.md');
    expect(stand.pages.map((p) => p.slug)).toEqual(['child']);
    expect(problem('content/stands/both/index.html')).toMatchObject({ code: 'file-skipped' });
  });

  it('makes a listed page in a folder without _index.md a stand, and leaves the rest of that folder out', () => {
    expect(engine.getStand(id, 'harbour_guild')).toMatchObject({
      file: 'content/stands/harbour_guild/guild.md',
      pages: [],
    });
    expect(problem('content/stands/harbour_guild/README.md')!.message).toMatch(/has no _index\.md/);
    expect(problem('content/stands/mooring/README.md')!.code).toBe('file-skipped');
  });

  it('keeps the last of two files with the same address, as Hugo does', () => {
    expect(engine.getStand(id, 'mooring')!.file).toBe('content/stands/mooring.md');
    expect(problem('content/stands/Mooring.html')).toMatchObject({
      code: 'duplicate-stand',
      severity: 'error',
    });
  });

  it('reads TOML and JSON front matter', () => {
    expect(engine.getStand(id, 'toml-stand')!.bodyHtml).toBe('<p>Written with TOML.</p>\n');
    expect(engine.getStand(id, 'json-stand')!.themes).toEqual(['community']);
  });
});
