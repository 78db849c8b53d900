// TEMPORARY: a crude Engine over the fixture folders, used only until main/engine/index.ts (openEngine)
// lands. It understands just what tests/e2e/fixtures.ts writes. Delete once the real engine is in.
import { readdirSync, readFileSync, realpathSync, statSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import type { Engine, EngineOptions, IndexOutcome } from '../../main/engine/api';
import type {
  Asset,
  Collection,
  Page,
  Problem,
  SearchGroup,
  Stand,
  StandCard,
  ThemeSummary,
} from '../../main/engine/types';

const md = new MarkdownIt({ html: true });

interface Data {
  collection: Collection;
  stands: Stand[];
  pages: Page[];
  themes: ThemeSummary[];
  assets: (Asset & { absolutePath: string })[];
}

function frontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) return { data: {}, body: text };
  return { data: (parseYaml(match[1]!) as Record<string, unknown>) ?? {}, body: match[2]! };
}

const urlize = (s: string) => s.toLowerCase().replace(/\s+/g, '-');

function rewrite(html: string, id: string, stand: string): string {
  return html
    .replace(
      /(src)="\/(?!\/)([^"]+)"/g,
      (_m, attr, path) =>
        `${attr}="stand-asset://${id}/static/${path.split('/').map(encodeURIComponent).join('/')}"`,
    )
    .replace(/href="\/stands\/([^/"]+)\/"/g, 'href="standalone://stand/$1"')
    .replace(/href="\.\.\/([^/"]+)\/"/g, `href="standalone://page/${stand}/$1"`);
}

function read(root: string): Data {
  const real = realpathSync(root);
  const id = basename(real);
  const config = readFileSync(join(real, 'config.toml'), 'utf8');
  const name = /title = "([^"]+)"/.exec(config)?.[1] ?? id;
  const year = Number(/(\d{4})/.exec(name)?.[1] ?? NaN);
  const themeDir = join(real, 'content/themes');
  const themeInfo = new Map<string, { title: string; descriptionHtml: string }>();
  for (const slug of existsSync(themeDir) ? readdirSync(themeDir) : []) {
    const { data } = frontMatter(readFileSync(join(themeDir, slug, '_index.md'), 'utf8'));
    themeInfo.set(slug, {
      title: String(data.title),
      descriptionHtml: `<p>${String(data.description ?? '')}</p>`,
    });
  }
  const standsDir = join(real, 'content/stands');
  const stands: Stand[] = [];
  const pages: Page[] = [];
  for (const file of readdirSync(standsDir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const slug = file.replace(/\.md$/, '');
    const { data } = frontMatter(readFileSync(join(standsDir, file), 'utf8'));
    const themes = ((data.themes as string[]) ?? []).map(urlize);
    const standPages: Page[] = [];
    const dir = join(standsDir, slug);
    for (const pageFile of existsSync(dir) ? readdirSync(dir) : []) {
      const { data: p, body } = frontMatter(readFileSync(join(dir, pageFile), 'utf8'));
      const html = pageFile.endsWith('.html') ? body : md.render(body);
      standPages.push({
        collection: id,
        stand: slug,
        slug: pageFile.replace(/\.(md|html)$/, ''),
        title: String(p.title ?? pageFile),
        draft: false,
        html: rewrite(html, id, slug),
        file: `content/stands/${slug}/${pageFile}`,
        weight: Number(p.weight ?? 0),
      });
    }
    standPages.sort((a, b) => a.weight - b.weight);
    pages.push(...standPages);
    const description = String(data.description ?? '');
    const links: Stand['links'] = [];
    if (typeof data.website === 'string' && /^https?:/.test(data.website))
      links.push({ kind: 'website', label: new URL(data.website).hostname, url: data.website });
    if (typeof data.chatroom === 'string' && /^[\w#:.-]+$/.test(data.chatroom))
      links.push({
        kind: 'chat',
        label: data.chatroom,
        url: `https://chat.example.org/#/room/${encodeURIComponent(data.chatroom)}`,
      });
    stands.push({
      collection: id,
      slug,
      title: String(data.title),
      listed: data.show_on_overview !== false,
      draft: false,
      themes,
      website: typeof data.website === 'string' ? data.website : null,
      chatroom: typeof data.chatroom === 'string' ? data.chatroom : null,
      links,
      logo: typeof data.logo === 'string' ? `static/${data.logo}` : null,
      descriptionHtml: rewrite(description, id, slug),
      showcaseHtml: rewrite(String(data.showcase ?? ''), id, slug),
      newThisYearHtml: rewrite(String(data.new_this_year ?? ''), id, slug),
      bodyHtml: '',
      summary: description
        .replace(/<[^>]*>/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 200),
      layout: 'stand',
      file: `content/stands/${file}`,
      order: stands.length,
      pages: standPages.map((p) => ({ slug: p.slug, title: p.title, draft: false })),
    });
  }
  const assets: Data['assets'] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir)) {
      const abs = join(dir, entry);
      const r = `${rel}/${entry}`;
      if (statSync(abs).isDirectory()) walk(abs, r);
      else
        assets.push({
          collection: id,
          file: r.slice(1),
          size: statSync(abs).size,
          mtimeMs: 0,
          contentType: 'image/png',
          absolutePath: abs,
        });
    }
  };
  if (existsSync(join(real, 'static'))) walk(join(real, 'static'), '/static');
  const themes: ThemeSummary[] = [...themeInfo].map(([slug, info]) => ({
    collection: id,
    slug,
    title: info.title,
    descriptionHtml: info.descriptionHtml,
    icon: null,
    standCount: stands.filter((s) => s.themes.includes(slug)).length,
  }));
  const listed = stands.filter((s) => s.listed).length;
  return {
    collection: {
      id,
      root: real,
      name,
      year: Number.isNaN(year) ? null : year,
      indexedAt: new Date().toISOString(),
      available: true,
      counts: {
        stands: stands.length,
        listedStands: listed,
        pages: pages.length,
        themes: themes.length,
        assets: assets.length,
        errors: 0,
        warnings: 1,
      },
    },
    stands,
    pages,
    themes,
    assets,
  };
}

function card(data: Data, stand: Stand): StandCard {
  return {
    collection: stand.collection,
    slug: stand.slug,
    title: stand.title,
    themes: stand.themes.map((slug) => ({
      slug,
      title: data.themes.find((t) => t.slug === slug)?.title ?? slug,
    })),
    logo: stand.logo,
    summary: stand.summary,
  };
}

function plain(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The temporary engine; same shape as `openEngine`. */
export function openTempEngine(options: EngineOptions): Engine {
  const all = new Map<string, Data>();
  const outcome = (data: Data): IndexOutcome => ({
    collection: data.collection,
    change: { collection: data.collection.id, added: [], changed: [data.collection.id], removed: [] },
    problems: [],
  });
  const index = async (root: string) => {
    options.onProgress?.({ collection: basename(root), phase: 'reading', done: 0, total: 1 });
    const data = read(root);
    all.set(data.collection.id, data);
    options.onProgress?.({ collection: data.collection.id, phase: 'done', done: 1, total: 1 });
    return outcome(data);
  };
  const get = (id: string) => all.get(id);
  return {
    notices: [],
    listCollections: () => [...all.values()].map((d) => d.collection),
    getCollection: (id) => get(id)?.collection ?? null,
    listThemes: (c) => get(c)?.themes ?? [],
    getTheme: (c, slug) => {
      const data = get(c);
      const theme = data?.themes.find((t) => t.slug === slug);
      return data && theme
        ? { ...theme, stands: data.stands.filter((s) => s.themes.includes(slug)).map((s) => card(data, s)) }
        : null;
    },
    listStands: (c) => {
      const data = get(c);
      return data ? data.stands.filter((s) => s.listed).map((s) => card(data, s)) : [];
    },
    listAllStands: (c) => get(c)?.stands ?? [],
    getStand: (c, slug) => {
      const data = get(c);
      const stand = data?.stands.find((s) => s.slug === slug);
      return data && stand ? { ...stand, themeRefs: card(data, stand).themes } : null;
    },
    getPage: (c, standSlug, slug) => {
      const data = get(c);
      const page = data?.pages.find((p) => p.stand === standSlug && p.slug === slug);
      const stand = data?.stands.find((s) => s.slug === standSlug);
      if (!data || !page || !stand) return null;
      const theme = card(data, stand).themes[0] ?? null;
      return { ...page, standTitle: stand.title, theme, siblings: stand.pages };
    },
    search: (c, query) => {
      const data = get(c);
      if (!data) return [];
      const q = query.toLowerCase();
      const groups = new Map<string, SearchGroup>();
      const hit = (
        stand: Stand,
        kind: 'stand' | 'page',
        page: string | null,
        title: string,
        text: string,
      ) => {
        const at = text.toLowerCase().indexOf(q);
        const inTitle = title.toLowerCase().includes(q);
        if (at < 0 && !inTitle) return;
        const start = Math.max(0, at - 40);
        const snippet = at < 0 ? text.slice(0, 120) : text.slice(start, at + q.length + 80);
        const group = groups.get(stand.slug) ?? { stand: stand.slug, standTitle: stand.title, hits: [] };
        group.hits.push({
          kind,
          collection: c,
          stand: stand.slug,
          standTitle: stand.title,
          page,
          title,
          snippet,
          highlights: at < 0 ? [] : [[at - start, at - start + q.length]],
          score: 1,
        });
        groups.set(stand.slug, group);
      };
      for (const stand of data.stands) {
        hit(
          stand,
          'stand',
          null,
          stand.title,
          plain(stand.descriptionHtml + ' ' + stand.showcaseHtml + ' ' + stand.newThisYearHtml),
        );
        for (const page of data.pages.filter((p) => p.stand === stand.slug))
          hit(stand, 'page', page.slug, page.title, plain(page.html));
      }
      return [...groups.values()];
    },
    listProblems: (filter) =>
      [...all.values()]
        .filter((d) => !filter?.collection || d.collection.id === filter.collection)
        .map((d): Problem => ({
          collection: d.collection.id,
          file: 'content/stands/x.md',
          line: 3,
          severity: 'warning',
          code: 'remote-image',
          message: 'An image is on the internet and will not show offline.',
          stand: d.stands[0]?.slug ?? null,
        })),
    getAsset: (c, file) => get(c)?.assets.find((a) => a.file === file) ?? null,
    indexFolder: index,
    reindex: async (c) => index(get(c)!.collection.root),
    removeCollection: async (c) => void all.delete(c),
    renameCollection: async (c, name) => {
      const data = get(c)!;
      data.collection = { ...data.collection, name };
      return data.collection;
    },
    watch: async () => async () => undefined,
    close: async () => undefined,
  };
}
