#!/usr/bin/env node
// `npm run package:check`: builds the unpacked Linux app (and the tar.gz where Debian's 7za is installed)
// with electron-builder.yml against a stand-in Electron (the real one cannot be downloaded here), without
// network access where the machine allows it, then checks what the package holds and does not hold.
//
//   node scripts/package-check.mjs [--skip-build] [--keep]
//     --skip-build  reuse out/ instead of running electron-vite build
//     --keep        keep the temporary folder (it is always kept when a check fails)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseIcns, parseIco, pngSize } from './packaging/icon-formats.mjs';
import {
  asarPackagePaths,
  formatBytes,
  fuseConfigProblems,
  fuseWireProblems,
  isBuiltin,
  lockfilePackages,
  moduleSpecifiers,
  packageOfSpecifier,
} from './packaging/inspect.mjs';
import { checkPackagedBinary, watcherBinary } from './packaging/native-prebuild.mjs';
import { STAND_IN_MARKER, createStandInElectron } from './packaging/stand-in-electron.mjs';

const log = (line) => process.stdout.write(`${line}\n`);
const logError = (line) => process.stderr.write(`${line}\n`);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const asar = require('@electron/asar');
const { getCurrentFuseWire } = require('@electron/fuses');

const args = new Set(process.argv.slice(2));
const started = Date.now();
const SEVEN_ZIP = '/usr/bin/7za';
// Packages only the renderer uses: vite bundles them, so a copy in node_modules would be dead weight.
const RENDERER_ONLY = ['react', 'react-dom', 'scheduler', 'dompurify', 'wouter', '@tanstack/react-virtual'];
// The one native binary, and the only thing unpacked next to the asar (a native module cannot load from one).
const UNPACK = ['**/node_modules/@parcel/watcher-*/watcher.node'];
const NATIVE_PLATFORM = 'linux';
const NATIVE_ARCH = 'x64';
// Anything that could phone home or rewrite the app.
const NEVER_SHIPPED = ['electron', 'electron-updater', 'update-electron-app', 'electron-squirrel-startup'];

let failures = 0;
let passes = 0;
function check(ok, label, detail = '') {
  if (ok) passes++;
  else failures++;
  log(`${ok ? 'ok  ' : 'FAIL'} ${label}${detail ? `: ${detail}` : ''}`);
  return ok;
}
const listOf = (items, max = 8) =>
  items.length > max ? `${items.slice(0, max).join(', ')} … (${items.length})` : items.join(', ');

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  if (result.error) throw result.error;
  return result;
}

function walk(dir, base = dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full, base));
    else files.push(relative(base, full).split(sep).join('/'));
  }
  return files.sort();
}
const sizeOf = (dir) => walk(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * `unshare -n` runs a command in a network namespace with nothing in it: no network at all. Root can do it
 * directly; other users where unprivileged user namespaces are allowed (`-r`); some machines allow neither.
 */
function networkIsolation() {
  for (const flags of [['-n'], ['-r', '-n']]) {
    const probe = spawnSync('unshare', [...flags, 'true'], { stdio: 'ignore' });
    if (probe.status === 0) return ['unshare', ...flags];
  }
  return null;
}

function buildRenderer() {
  if (args.has('--skip-build')) {
    log('build: reusing out/ (--skip-build)');
    return;
  }
  const build = run(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('electron-vite build failed');
}

function checkIcons(config) {
  const icons = join(root, 'resources', 'icons');
  const ico = parseIco(readFileSync(join(root, config.win.icon)));
  check(
    ico.some((entry) => entry.size === 256),
    'Windows icon holds 256 px',
    listOf(ico.map((entry) => entry.size)),
  );
  const icns = parseIcns(readFileSync(join(root, config.mac.icon)));
  const icnsSizes = new Set(icns.map((entry) => entry.size));
  check(
    [16, 32, 128, 256, 512, 1024].every((size) => icnsSizes.has(size)),
    'macOS icon holds 16 to 1024 px',
    listOf(
      icns.map((entry) => entry.type),
      12,
    ),
  );
  const pngDir = join(root, config.linux.icon);
  const pngProblems = [16, 32, 48, 64, 128, 256, 512].filter((size) => {
    const file = join(pngDir, `${size}x${size}.png`);
    if (!existsSync(file)) return true;
    const actual = pngSize(readFileSync(file));
    return actual.width !== size || actual.height !== size;
  });
  check(
    pngProblems.length === 0,
    'Linux icons hold 16 to 512 px',
    pngProblems.length ? `missing or wrong: ${pngProblems.join(', ')}` : config.linux.icon,
  );
  check(existsSync(join(icons, 'icon.svg')), 'icon source is committed', 'resources/icons/icon.svg');
}

function checkConfiguration(config, pkg, lock) {
  check(
    config.productName === 'Standalone' && config.appId === 'org.standalone.app',
    'product name and app id',
    `${config.productName}, ${config.appId}`,
  );
  check(
    config.version === undefined && config.extraMetadata?.version === undefined,
    'version comes from package.json',
    pkg.version,
  );
  check(
    config.asar?.smartUnpack === false && JSON.stringify(config.asarUnpack) === JSON.stringify(UNPACK),
    "asar on, only @parcel/watcher's native binary unpacked",
    JSON.stringify(config.asarUnpack),
  );
  check(config.publish === null, 'publish: null (no update feed written into the app)');
  const fuseProblems = fuseConfigProblems(config.electronFuses);
  check(
    fuseProblems.length === 0,
    'electronFuses configured as required',
    fuseProblems.join('; ') ||
      'run-as-node, NODE_OPTIONS, --inspect, file privileges off; asar-only and integrity on',
  );
  const lockNames = Object.keys(lock.packages ?? {}).map((path) =>
    path.slice(path.lastIndexOf('node_modules/') + 13),
  );
  const callers = NEVER_SHIPPED.filter((name) => name !== 'electron' && lockNames.includes(name));
  check(callers.length === 0, 'no auto-updater anywhere in package-lock.json', callers.join(', '));
  const declaredRenderer = RENDERER_ONLY.filter((name) => pkg.dependencies?.[name]);
  check(
    declaredRenderer.length === 0,
    'renderer-only libraries are devDependencies',
    declaredRenderer.join(', '),
  );

  const targets = (platform) =>
    (config[platform]?.target ?? []).map((target) => `${target.target}:${(target.arch ?? []).join('+')}`);
  check(targets('win').join() === 'nsis:x64,portable:x64', 'Windows targets', targets('win').join(', '));
  check(targets('mac').join() === 'dmg:x64+arm64,zip:x64+arm64', 'macOS targets', targets('mac').join(', '));
  check(
    targets('linux').join() === 'AppImage:x64,deb:x64,tar.gz:x64',
    'Linux targets',
    targets('linux').join(', '),
  );

  const association = config.fileAssociations?.[0];
  check(
    Boolean(association?.ext) && !String(association.ext).includes('.'),
    'kiosk file association has a one-part extension',
    `.${association?.ext}`,
  );
  // The app decides what a kiosk file is; the installer must associate exactly that.
  const kioskSource = join(root, 'main', 'kiosk', 'config.ts');
  const suffix = existsSync(kioskSource)
    ? /KIOSK_FILE_SUFFIX\s*=\s*'([^']+)'/.exec(readFileSync(kioskSource, 'utf8'))?.[1]
    : undefined;
  if (suffix === undefined)
    log('skip kiosk file suffix: KIOSK_FILE_SUFFIX not found in main/kiosk/config.ts');
  else
    check(
      suffix === `.${association?.ext}`,
      'kiosk file association matches KIOSK_FILE_SUFFIX',
      `app reads "${suffix}", installer associates ".${association?.ext}"`,
    );
}

function packageApp(config, electronVersion, work) {
  const standIn = join(work, 'electron-dist');
  createStandInElectron(standIn, { version: electronVersion });
  const output = join(work, 'release');
  const targets = ['dir'];
  if (existsSync(SEVEN_ZIP)) targets.push('tar.gz');
  else log(`skip tar.gz: ${SEVEN_ZIP} is not installed (apt-get install p7zip-full)`);
  const builderArgs = [
    join(root, 'node_modules', 'electron-builder', 'cli.js'),
    '--linux',
    ...targets,
    '--x64',
    '--publish',
    'never',
    `-c.electronDist=${standIn}`,
    `-c.electronVersion=${electronVersion}`,
    `-c.directories.output=${output}`,
  ];
  const isolation = networkIsolation();
  const [command, ...commandArgs] = isolation
    ? [...isolation, process.execPath, ...builderArgs]
    : [process.execPath, ...builderArgs];
  log(
    `electron-builder --linux ${targets.join(' ')} (${isolation ? `no network: ${isolation.join(' ')}` : 'network not isolated: unshare is not permitted here'})`,
  );
  const env = {
    ...process.env,
    ELECTRON_BUILDER_7ZIP_PATH: SEVEN_ZIP,
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  };
  if (!existsSync(SEVEN_ZIP)) delete env.ELECTRON_BUILDER_7ZIP_PATH;
  const result = run(command, commandArgs, { env });
  writeFileSync(join(work, 'electron-builder.log'), `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) {
    log(`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n'));
    throw new Error(
      `electron-builder failed (exit ${result.status}); log in ${join(work, 'electron-builder.log')}`,
    );
  }
  check(!/download/i.test(result.stdout + result.stderr), 'electron-builder downloaded nothing');
  return { output, targets, unpacked: join(output, 'linux-unpacked') };
}

async function checkUnpacked(unpacked, pkg, lock) {
  const executable = join(unpacked, 'standalone');
  check(
    existsSync(executable) && readFileSync(executable, 'latin1').includes(STAND_IN_MARKER),
    'executable renamed to standalone (the stand-in)',
  );
  const wire = await getCurrentFuseWire(executable);
  const wireProblems = fuseWireProblems(wire);
  check(
    wireProblems.length === 0,
    'fuses flipped in the packaged binary',
    wireProblems.join('; ') ||
      `wire ${Object.keys(wire)
        .filter((k) => k !== 'version')
        .map((k) => String.fromCharCode(wire[k]))
        .join('')}`,
  );
  check(
    existsSync(join(unpacked, 'LICENSE.electron.txt')) &&
      existsSync(join(unpacked, 'LICENSES.chromium.html')),
    "Electron's and Chromium's licenses kept",
  );

  const resources = join(unpacked, 'resources');
  const archive = join(resources, 'app.asar');
  check(existsSync(archive), 'resources/app.asar exists');
  check(!existsSync(join(resources, 'app')), 'no unpacked app folder next to the asar');
  // Next to the asar: the native watcher for this build's platform and architecture, and nothing else.
  const unpackedDir = join(resources, 'app.asar.unpacked');
  const unpackedFiles = existsSync(unpackedDir) ? walk(unpackedDir) : [];
  const nativeFile = watcherBinary(NATIVE_PLATFORM, NATIVE_ARCH);
  check(
    unpackedFiles.join() === nativeFile,
    `app.asar.unpacked holds ${nativeFile} only`,
    listOf(unpackedFiles),
  );
  const nativeProblems = checkPackagedBinary(resources, NATIVE_PLATFORM, NATIVE_ARCH, asar);
  check(
    nativeProblems.length === 0,
    `the native watcher is built for ${NATIVE_PLATFORM} ${NATIVE_ARCH} and marked unpacked in the asar`,
    nativeProblems.join('; '),
  );
  check(!existsSync(join(resources, 'app-update.yml')), 'no app-update.yml (no update feed)');
  check(!existsSync(join(resources, 'default_app.asar')), 'no Electron default_app.asar');

  const files = asar.listPackage(archive, { isPack: false }).map((file) => file.split(sep).join('/'));
  const fileSet = new Set(files);
  const read = (file) => asar.extractFile(archive, file.slice(1));

  const topLevel = [...new Set(files.map((file) => file.split('/')[1]))].sort();
  check(
    topLevel.join() === 'node_modules,out,package.json',
    'asar top level is out/, node_modules/ and package.json only',
    topLevel.join(', '),
  );

  // Only the three processes' bundles ship; anything else a test harness built into out/ must not.
  const outParts = [
    ...new Set(files.filter((file) => file.startsWith('/out/')).map((file) => file.split('/')[2])),
  ].sort();
  check(
    outParts.join() === 'main,preload,renderer',
    'asar out/ holds main, preload and renderer only',
    outParts.join(', '),
  );
  const localOut = ['main', 'preload', 'renderer']
    .flatMap((part) => walk(join(root, 'out', part)).map((file) => `${part}/${file}`))
    .filter((file) => !file.endsWith('.map'));
  const missingOrChanged = localOut.filter(
    (file) =>
      !fileSet.has(`/out/${file}`) ||
      sha256(read(`/out/${file}`)) !== sha256(readFileSync(join(root, 'out', file))),
  );
  check(
    missingOrChanged.length === 0,
    `asar holds the built main, preload and renderer byte for byte (${localOut.length} files)`,
    listOf(missingOrChanged),
  );
  for (const part of ['main/index.js', 'preload/index.cjs', 'renderer/index.html'])
    check(fileSet.has(`/out/${part}`), `asar holds out/${part}`);

  // Every renderer file must be reachable from index.html (by name, through HTML, JS and CSS): a leftover
  // bundle from an earlier build would ship as dead weight.
  const rendererFiles = files.filter(
    (file) => file.startsWith('/out/renderer/') && 'size' in asar.statFile(archive, file.slice(1)),
  );
  const reachable = new Set(['/out/renderer/index.html']);
  for (let queue = ['/out/renderer/index.html']; queue.length > 0;) {
    const text = read(queue.pop()).toString('latin1');
    for (const file of rendererFiles) {
      if (!reachable.has(file) && text.includes(basename(file))) {
        reachable.add(file);
        if (/\.(html|js|mjs|css)$/.test(file)) queue.push(file);
      }
    }
  }
  const unreachable = rendererFiles.filter((file) => !reachable.has(file));
  check(unreachable.length === 0, 'every renderer file is used by index.html', listOf(unreachable));

  const packedPkg = JSON.parse(read('/package.json').toString('utf8'));
  check(
    packedPkg.name === pkg.name && packedPkg.version === pkg.version,
    'packaged package.json name and version',
    `${packedPkg.name}@${packedPkg.version}`,
  );
  check(fileSet.has(`/${packedPkg.main}`), 'packaged package.json main points into the asar', packedPkg.main);

  const sources = files.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file));
  check(sources.length === 0, 'no TypeScript sources or declarations', listOf(sources));
  const maps = files.filter((file) => file.endsWith('.map'));
  check(maps.length === 0, 'no source maps', listOf(maps));
  const testy = files.filter((file) =>
    /\/(tests?|__tests__|e2e|fixtures?|examples?|coverage|\.bench)\/|\.(test|spec)\.[cm]?js$/i.test(file),
  );
  check(testy.length === 0, 'no tests, fixtures or examples', listOf(testy));

  // node_modules: exactly the production dependency tree.
  const { required, optional, devOnly } = lockfilePackages(lock);
  const packed = asarPackagePaths(files);
  const packedIds = new Map(
    packed.map((path) => [path, JSON.parse(read(`/${path}/package.json`).toString('utf8'))]),
  );
  const idOf = (path) => `${packedIds.get(path).name}@${packedIds.get(path).version}`;
  const productionIds = new Set([...required.values(), ...optional.values()]);
  const devIds = new Set(devOnly.values());
  const notProduction = packed.filter((path) => !productionIds.has(idOf(path)) || devIds.has(idOf(path)));
  check(
    notProduction.length === 0,
    'node_modules holds production dependencies only',
    listOf(notProduction.map(idOf)),
  );
  const packedIdSet = new Set(packed.map(idOf));
  const missing = [...new Set(required.values())].filter((id) => !packedIdSet.has(id));
  check(
    missing.length === 0,
    `every production dependency is packed (${packedIdSet.size} packages)`,
    listOf(missing),
  );
  const forbidden = packed.filter((path) =>
    [...RENDERER_ONLY, ...NEVER_SHIPPED].includes(packedIds.get(path).name),
  );
  check(
    forbidden.length === 0,
    'no renderer-only libraries, Electron or updaters in node_modules',
    listOf(forbidden.map(idOf)),
  );

  // What the main process loads at run time must be shipped; a sandboxed preload can load nothing but electron.
  const mainFiles = files.filter((file) => /^\/out\/main\/.+\.[cm]?js$/.test(file));
  const mainSpecifiers = [
    ...new Set(mainFiles.flatMap((file) => moduleSpecifiers(read(file).toString('utf8')))),
  ];
  const external = mainSpecifiers.filter(
    (spec) => packageOfSpecifier(spec) && !isBuiltin(spec) && packageOfSpecifier(spec) !== 'electron',
  );
  const undeclared = external.filter((spec) => !pkg.dependencies?.[packageOfSpecifier(spec)]);
  check(
    undeclared.length === 0,
    'every package the main process imports is a dependency',
    listOf(undeclared),
  );
  const unused = Object.keys(pkg.dependencies ?? {}).filter(
    (name) => !external.some((spec) => packageOfSpecifier(spec) === name),
  );
  if (unused.length)
    log(`note dependencies the built main process never imports (shipped anyway): ${unused.join(', ')}`);
  const preloadFiles = files.filter((file) => /^\/out\/preload\/.+\.[cm]?js$/.test(file));
  const preloadLoads = [
    ...new Set(preloadFiles.flatMap((file) => moduleSpecifiers(read(file).toString('utf8')))),
  ];
  const preloadBad = preloadLoads.filter(
    (spec) =>
      !['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url'].includes(spec) &&
      !spec.startsWith('./'),
  );
  check(
    preloadBad.length === 0,
    'the sandboxed preload loads only what a sandbox allows',
    listOf(preloadBad),
  );

  return { archive, external };
}

/** Imports every external module of the main process from an extracted copy of the asar, with plain Node. */
function checkImportsResolve(archive, external, work) {
  const extracted = join(work, 'extracted-app');
  asar.extractAll(archive, extracted);
  const probe = join(extracted, 'package-check-imports.mjs');
  writeFileSync(
    probe,
    `const failed = [];\nfor (const spec of ${JSON.stringify(external)}) {\n  try { await import(spec); } catch (error) { failed.push(spec + ': ' + String(error.message).split('\\n')[0]); }\n}\nprocess.stdout.write(JSON.stringify(failed));\n`,
  );
  const result = run(process.execPath, [probe], { cwd: extracted });
  let failed;
  try {
    failed = JSON.parse(result.stdout.trim().split('\n').pop());
  } catch {
    failed = [`probe crashed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`];
  }
  check(
    failed.length === 0,
    `the main process's ${external.length} external imports load from the packed node_modules`,
    listOf(failed, 4),
  );
  // Loading is not working: the packed native watcher must report a file written in a watched folder.
  const watched = mkdtempSync(join(work, 'watched-'));
  const watchProbe = join(extracted, 'package-check-watch.mjs');
  writeFileSync(
    watchProbe,
    [
      "import { writeFileSync } from 'node:fs';",
      "import { join } from 'node:path';",
      "const { subscribe } = await import('@parcel/watcher');",
      `const folder = ${JSON.stringify(watched)};`,
      "const timer = setTimeout(() => { process.stdout.write('no event'); process.exit(1); }, 10000);",
      'const subscription = await subscribe(folder, async (error, events) => {',
      "  if (error || !events.some((e) => e.path === join(folder, 'seen.md'))) return;",
      '  clearTimeout(timer);',
      '  await subscription.unsubscribe();',
      "  process.stdout.write('seen');",
      '});',
      "writeFileSync(join(folder, 'seen.md'), 'x');",
    ].join('\n'),
  );
  const watchResult = run(process.execPath, [watchProbe], { cwd: extracted });
  check(
    watchResult.status === 0 && watchResult.stdout.trim() === 'seen',
    'the packed native watcher reports a change',
    `${watchResult.stdout.trim()} ${watchResult.stderr.trim().split('\n').slice(-2).join(' ')}`.trim(),
  );
}

function checkDemo(unpacked) {
  const source = join(root, 'resources', 'demo');
  const packed = join(unpacked, 'resources', 'demo');
  check(existsSync(join(packed, 'config.toml')), 'demo stands packed as resources/demo with config.toml');
  if (!existsSync(source) || !existsSync(packed)) return;
  const want = walk(source);
  const have = walk(packed);
  const differ = want.filter(
    (file) =>
      !have.includes(file) ||
      sha256(readFileSync(join(source, file))) !== sha256(readFileSync(join(packed, file))),
  );
  check(
    differ.length === 0 && have.length === want.length,
    `resources/demo copied whole (${want.length} files)`,
    listOf(differ),
  );
}

async function checkTarball(output, pkg, work) {
  const tarball = join(output, `Standalone-${pkg.version}-linux-x64.tar.gz`);
  if (!check(existsSync(tarball), 'tar.gz built', relative(output, tarball))) return null;
  const listing = run('tar', ['-tzf', tarball]).stdout.split('\n').filter(Boolean);
  const folder = basename(tarball, '.tar.gz');
  const expected = [
    'standalone',
    'resources/app.asar',
    'resources/demo/config.toml',
    'LICENSE.electron.txt',
  ].map((file) => `${folder}/${file}`);
  const absent = expected.filter((file) => !listing.includes(file));
  check(
    absent.length === 0,
    'tar.gz holds the app, the demo and the licenses',
    absent.length ? `missing ${listOf(absent)}` : `${folder}/`,
  );
  const unpackTo = join(work, 'from-tarball');
  mkdirSync(unpackTo);
  run('tar', ['-xzf', tarball, '-C', unpackTo, `${folder}/standalone`]);
  const executable = join(unpackTo, folder, 'standalone');
  const executableOk = existsSync(executable) && (statSync(executable).mode & 0o111) !== 0;
  const problems = executableOk
    ? fuseWireProblems(await getCurrentFuseWire(executable))
    : ['missing or not executable'];
  check(
    problems.length === 0,
    'tar.gz executable is executable and has the fuses flipped',
    problems.join('; '),
  );
  return statSync(tarball).size;
}

async function main() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const config = parseYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

  log(`package:check: Standalone ${pkg.version}, Electron ${electronVersion} (stand-in distribution)`);
  checkConfiguration(config, pkg, lock);
  checkIcons(config);
  buildRenderer();

  const work = mkdtempSync(join(tmpdir(), 'standalone-package-check-'));
  let keep = args.has('--keep');
  try {
    const { output, targets, unpacked } = packageApp(config, electronVersion, work);
    const { archive, external } = await checkUnpacked(unpacked, pkg, lock);
    checkImportsResolve(archive, external, work);
    checkDemo(unpacked);
    const tarSize = targets.includes('tar.gz') ? await checkTarball(output, pkg, work) : null;

    const asarSize = statSync(archive).size;
    const demoDir = join(unpacked, 'resources', 'demo');
    const demoSize = existsSync(demoDir) ? sizeOf(demoDir) : 0;
    const standInSize = sizeOf(join(work, 'electron-dist'));
    log(
      [
        'sizes (the app on top of Electron; a real Electron adds its own ~250 MiB unpacked):',
        `  app.asar             ${formatBytes(asarSize)}`,
        `  resources/demo       ${formatBytes(demoSize)}`,
        `  unpacked app         ${formatBytes(sizeOf(unpacked) - standInSize)} (without the stand-in Electron files)`,
        tarSize === null
          ? '  tar.gz               not built'
          : `  tar.gz               ${formatBytes(tarSize)} (with the stand-in Electron)`,
      ].join('\n'),
    );
  } finally {
    if (failures > 0) keep = true;
    if (keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(
    `package:check: ${failures === 0 ? 'all' : failures} of ${passes + failures} checks ${failures === 0 ? 'hold' : 'failed'} (${seconds} s)`,
  );
  if (failures > 0) process.exitCode = 1;
}

main().catch((error) => {
  logError(`package:check: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
