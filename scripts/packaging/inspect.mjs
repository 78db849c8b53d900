// Pure helpers for `npm run package:check`: what a package must and must not hold, worked out from
// package-lock.json, the build output and electron-builder's configuration.
import { builtinModules } from 'node:module';

/**
 * The fuses every build must set (issue 6), as electron-builder's `electronFuses` keys with their
 * @electron/fuses V1 wire index and required state.
 */
export const REQUIRED_FUSES = Object.freeze([
  { key: 'runAsNode', index: 0, on: false },
  { key: 'enableCookieEncryption', index: 1, on: true },
  { key: 'enableNodeOptionsEnvironmentVariable', index: 2, on: false },
  { key: 'enableNodeCliInspectArguments', index: 3, on: false },
  { key: 'enableEmbeddedAsarIntegrityValidation', index: 4, on: true },
  { key: 'onlyLoadAppFromAsar', index: 5, on: true },
  { key: 'grantFileProtocolExtraPrivileges', index: 7, on: false },
]);

/** Problems with an `electronFuses` configuration against REQUIRED_FUSES (empty when it is right). */
export function fuseConfigProblems(electronFuses) {
  if (electronFuses == null || typeof electronFuses !== 'object') return ['electronFuses is not configured'];
  return REQUIRED_FUSES.filter(({ key, on }) => electronFuses[key] !== on).map(
    ({ key, on }) => `electronFuses.${key} is ${JSON.stringify(electronFuses[key])}, must be ${on}`,
  );
}

/** Problems with a fuse wire read back from a binary (FuseState bytes by index) against REQUIRED_FUSES. */
export function fuseWireProblems(wire) {
  const ENABLE = 49;
  const DISABLE = 48;
  return REQUIRED_FUSES.filter(({ index, on }) => wire[index] !== (on ? ENABLE : DISABLE)).map(
    ({ key, index, on }) =>
      `fuse ${key} (wire ${index}) is ${JSON.stringify(String.fromCharCode(wire[index] ?? 63))}, must be ${on ? '1' : '0'}`,
  );
}

/** The package name a module specifier refers to (`@scope/name/sub` → `@scope/name`), or null for relative and absolute ones. */
export function packageOfSpecifier(specifier) {
  if (/^(\.|\/|[a-zA-Z]:\\|file:|data:)/.test(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** True for Node's built-in modules, with or without the `node:` prefix. */
export function isBuiltin(specifier) {
  return (
    specifier.startsWith('node:') ||
    builtinModules.includes(specifier.split('/')[0]) ||
    builtinModules.includes(specifier)
  );
}

/** Module specifiers a built JavaScript file loads: static and dynamic imports, re-exports and require calls. */
export function moduleSpecifiers(source) {
  const found = new Set();
  const patterns = [
    /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"'\n]+)["']/g,
    /\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"'\n]+)["']/g,
    /\bimport\(\s*["']([^"'\n]+)["']\s*\)/g,
    /\brequire\(\s*["']([^"'\n]+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1]);
  return [...found].sort();
}

/**
 * Packages recorded in a package-lock.json (v2/v3), by install path, split by how the app needs them:
 * `required` must ship, `optional` may ship (optional dependencies of production packages, often for
 * another platform), `devOnly` must never ship.
 */
export function lockfilePackages(lock) {
  const required = new Map();
  const optional = new Map();
  const devOnly = new Map();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.startsWith('node_modules/') && !path.includes('/node_modules/')) continue;
    if (entry.link) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const id = `${name}@${entry.version}`;
    if (entry.dev) devOnly.set(path, id);
    else if (entry.optional || entry.devOptional) optional.set(path, id);
    else required.set(path, id);
  }
  return { required, optional, devOnly };
}

/** Installed packages inside an asar listing (`/node_modules/...` paths), as install paths without the leading slash. */
export function asarPackagePaths(files) {
  const paths = new Set();
  for (const file of files) {
    const match =
      /^\/((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(
        file,
      );
    if (match) paths.add(match[1]);
  }
  return [...paths].sort();
}

/** Human-readable byte count. */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}
