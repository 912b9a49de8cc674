// Bundles the extension and the emulator CLI. `--production` minifies; otherwise source maps.
// `--watch` rebuilds on change and reports problems in the format VS Code's $esbuild-watch
// problem matcher reads.
const path = require('node:path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').Plugin} */
const problemMatcher = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * What activation does not need is a bundle of its own, loaded by the one import() of its loader
 * module (src/fsx/loadFsxBackend.ts, src/outcomes/loadS3.ts, src/sandbox/loadEmulator.ts). The FSx
 * and S3 clients share one bundle: apart, each carried its own copy of the SDK core and the
 * credential providers, which doubled the package. In the extension bundle those import()s stay
 * external and name the sibling dist file; with dynamic import marked unsupported, esbuild's
 * CommonJS output turns each into a require() inside a promise.
 */
const lazyBundles = [
  {
    specifiers: ['./fsxBackend.js', './s3Client.js'],
    outfile: 'dist/sdk.js',
    stdin: { contents: "export * from './src/fsx/fsxBackend';\nexport * from './src/outcomes/s3Client';\n", resolveDir: __dirname, sourcefile: 'sdk.ts', loader: 'ts' },
  },
  { specifiers: ['../emulator/index.js'], outfile: 'dist/emulator.js', entryPoints: ['src/emulator/index.ts'] },
  // The commands' handlers and what they open (src/features.ts). They use the explorer's classes
  // (instanceof on tree nodes) and state, so what they share with the extension bundle is taken
  // from it at run time rather than copied: see sharedWithExtension below.
  { specifiers: ['./features.js'], outfile: 'dist/features.js', entryPoints: ['src/features.ts'], sharesWithExtension: true },
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** @type {import('esbuild').Plugin} */
const lazyImports = {
  name: 'lazy-bundles',
  setup(build) {
    for (const { specifiers, outfile } of lazyBundles) {
      const filter = new RegExp(`^(${specifiers.map(escapeRegExp).join('|')})$`);
      build.onResolve({ filter }, (args) => (args.kind === 'dynamic-import' ? { path: `./${outfile.replace(/^dist\//, '')}`, external: true } : undefined));
    }
  },
};

/**
 * A bundle that shares modules with the extension bundle takes them from it: the extension bundle
 * exports those modules' namespaces as `__shared` (in the order of their sorted source paths), and in
 * the other bundle each import of one of them becomes `require('./extension.js').__shared[index]`, the module that
 * VS Code already loaded. Which modules are shared comes from a first build of both (metafiles).
 */
async function sharedWithExtension(extensionOptions, bundleOptions) {
  const sources = async (options) => {
    const { metafile } = await esbuild.build({ ...options, write: false, metafile: true, minify: false, sourcemap: false });
    return new Set(Object.keys(metafile.inputs).filter((input) => input.startsWith('src/')));
  };
  const [inExtension, inBundle] = await Promise.all([sources(extensionOptions), sources(bundleOptions)]);
  return [...inBundle].filter((source) => inExtension.has(source)).sort();
}

const SHARED_NAMESPACE = 'extension-bundle';

/** @type {(shared: readonly string[]) => import('esbuild').Plugin} */
const fromExtensionBundle = (shared) => ({
  name: 'from-extension-bundle',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.namespace === SHARED_NAMESPACE || args.pluginData?.resolving) {
        return undefined;
      }
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
      const source = path.relative(__dirname, resolved.path).split(path.sep).join('/');
      return resolved.errors.length === 0 && shared.includes(source) ? { path: source, namespace: SHARED_NAMESPACE } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: SHARED_NAMESPACE }, (args) => ({
      contents: `module.exports = require('./extension.js').__shared[${shared.indexOf(args.path)}];`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/extension\.js$/, namespace: SHARED_NAMESPACE }, () => ({ path: './extension.js', external: true }));
  },
});

/** The emulator CLI uses the emulator's own bundle (dist/emulator.js) instead of a copy. */
/** @type {import('esbuild').Plugin} */
const emulatorFromItsBundle = {
  name: 'emulator-from-its-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\/index$/ }, (args) => (args.importer.endsWith(path.join('src', 'emulator', 'cli.ts')) ? { path: './emulator.js', external: true } : undefined));
  },
};

/** The extension bundle's entry, exporting the shared modules too. */
function extensionEntry(shared) {
  const imports = shared.map((source, index) => `import * as shared${index} from './${source.replace(/\.ts$/, '')}';`);
  return {
    contents: [`export * from './src/extension';`, ...imports, `export const __shared = [${shared.map((_source, index) => `shared${index}`).join(', ')}];`, ''].join('\n'),
    resolveDir: __dirname,
    sourcefile: 'extension-entry.ts',
    loader: 'ts',
  };
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  // The AWS SDK's ES module builds tree-shake; its CommonJS builds do not (about 40% smaller).
  mainFields: ['module', 'main'],
  plugins: watch ? [problemMatcher] : [],
};

const extension = {
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  external: ['vscode'],
  supported: { 'dynamic-import': false },
  plugins: [...common.plugins, lazyImports],
};

async function planBuilds() {
  const builds = lazyBundles.map(({ outfile, entryPoints, stdin, sharesWithExtension }) => {
    const options = { ...common, outfile, external: ['vscode'], ...(stdin ? { stdin } : { entryPoints }) };
    // A sharing bundle's own lazy imports (the S3 client of a report) stay lazy, as in the extension bundle.
    return sharesWithExtension ? { ...options, supported: { 'dynamic-import': false }, plugins: [...options.plugins, lazyImports] } : options;
  });
  const sharing = builds.filter((_options, index) => lazyBundles[index].sharesWithExtension);
  // One list for every sharing bundle, so the extension bundle's `__shared` indexes agree with all of them.
  const shared = [...new Set((await Promise.all(sharing.map((options) => sharedWithExtension(extension, options)))).flat())].sort();
  for (const options of sharing) {
    options.plugins = [...options.plugins, fromExtensionBundle(shared)];
  }
  const extensionOptions = { ...extension, stdin: extensionEntry(shared) };
  delete extensionOptions.entryPoints;
  builds.unshift(extensionOptions);
  builds.push({ ...common, entryPoints: ['src/emulator/cli.ts'], outfile: 'dist/emulator-cli.js', plugins: [...common.plugins, emulatorFromItsBundle] });
  return builds;
}

async function main() {
  require('node:fs').rmSync('dist', { recursive: true, force: true });
  const builds = await planBuilds();
  if (watch) {
    const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

// The bundles' plan, for the test that checks what each bundle carries (test/unit/bundles.test.ts).
module.exports = { planBuilds };
