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
 * Activation's entry (src/extension.ts, dist/extension.js) is a few KB: every window runs it, and a
 * window that has not used the extension stops there. The rest are bundles of their own, each
 * loaded by the one require() or import() of its loader: the main code (src/main.ts, which the
 * entry compiles and runs with V8's code cache once the window needs it: src/views/codeCache.ts),
 * the FSx and S3 clients (src/fsx/loadFsxBackend.ts,
 * src/outcomes/loadS3.ts; one bundle, as apart each carried its own copy of the SDK core and the
 * credential providers) and the emulator (dist/emulator.js, which the sandbox's own process and the
 * CLI require; the extension host never loads it: src/sandbox/sandboxLauncher.ts). The importing bundle keeps
 * that specifier external, naming the sibling dist file; with dynamic import marked unsupported,
 * esbuild's CommonJS output turns an import() into a require() inside a promise.
 *
 * What only a command or a chat tool uses is one more bundle, dist/onDemand.js (`onDemandModules`):
 * the code imports such a module with import() where it needs it (`await import('../views/outcomePanels.js')`),
 * so go-to-definition goes from the call to the code, and the build sends every import() of any
 * of these modules to that one bundle, which carries them all. A module of it keeps its own copy
 * of the plain helpers it imports (as dist/sdk.js does); test/unit/bundles.test.ts checks that
 * none carries a copy of what must exist once (tree nodes, tracking, the container, settings).
 */
const lazyBundles = [
  { specifiers: ['./main.js'], kind: 'require-call', outfile: 'dist/main.js', entryPoints: ['src/main.ts'] },
  {
    specifiers: ['./fsxBackend.js', './s3Client.js', './logsClient.js'],
    kind: 'dynamic-import',
    outfile: 'dist/sdk.js',
    stdin: { contents: "export * from './src/fsx/fsxBackend';\nexport * from './src/outcomes/s3Client';\nexport * from './src/outcomes/logsClient';\n", resolveDir: __dirname, sourcefile: 'sdk.ts', loader: 'ts' },
  },
  { specifiers: ['../emulator/index.js'], kind: 'dynamic-import', outfile: 'dist/emulator.js', entryPoints: ['src/emulator/index.ts'] },
];

/** Loaded by import() where a command or a chat tool first needs them (see above). */
const onDemandModules = ['src/chat/chatTools.ts', 'src/views/outcomePanels.ts', 'src/viewModel/associationFlow.ts', 'src/viewModel/startTaskFlow.ts', 'src/outcomes/retryPlan.ts', 'src/commands/ssoLogin.ts', 'src/views/eventLogPanels.ts'];
const onDemandOutfile = 'dist/onDemand.js';

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** @type {import('esbuild').Plugin} */
const lazyImports = {
  name: 'lazy-bundles',
  setup(build) {
    for (const { specifiers, kind, outfile } of lazyBundles) {
      const filter = new RegExp(`^(${specifiers.map(escapeRegExp).join('|')})$`);
      build.onResolve({ filter }, (args) => (args.kind === kind ? { path: `./${outfile.replace(/^dist\//, '')}`, external: true } : undefined));
    }
  },
};

/** @type {import('esbuild').Plugin} */
const onDemandImports = {
  name: 'on-demand-bundle',
  setup(build) {
    const modules = new Set(onDemandModules.map((module) => path.resolve(__dirname, module)));
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'dynamic-import') {
        return undefined;
      }
      const resolved = path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return modules.has(resolved) ? { path: `./${path.basename(onDemandOutfile)}`, external: true } : undefined;
    });
  },
};

/** The emulator CLI and the sandbox's process use the emulator's own bundle (dist/emulator.js) instead of a copy. */
const usesEmulatorBundle = [path.join('src', 'emulator', 'cli.ts'), path.join('src', 'emulator', 'sandboxProcess.ts')];
/** @type {import('esbuild').Plugin} */
const emulatorFromItsBundle = {
  name: 'emulator-from-its-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\/index$/ }, (args) => (usesEmulatorBundle.some((entry) => args.importer.endsWith(entry)) ? { path: './emulator.js', external: true } : undefined));
  },
};

/**
 * One `vscode` namespace per bundle. In CommonJS output esbuild wraps an external module at every
 * module that imports it (`__toESM(require('vscode'))`: a copy of each of the API's few hundred
 * properties as a getter), so a bundle of 44 such modules made 44 copies inside activate(),
 * about 20 ms of CPU in the extension host. Every `import ... from 'vscode'` of our code reaches
 * this one module instead, which wraps the host's object once.
 */
/** @type {import('esbuild').Plugin} */
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-namespace' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-namespace' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-namespace' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

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

/** What runs in the extension host: `vscode` is the host's; lazy bundles stay behind their loaders. */
const inHost = { ...common, external: ['vscode'], supported: { 'dynamic-import': false }, plugins: [...common.plugins, oneVscodeNamespace, lazyImports, onDemandImports] };

function planBuilds() {
  return [
    { ...inHost, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
    // The main code's own lazy imports (the SDK, the emulator) stay lazy, as they are in the entry.
    ...lazyBundles.map(({ outfile, entryPoints, stdin }) => ({ ...(outfile === 'dist/main.js' ? inHost : { ...common, external: ['vscode'] }), outfile, ...(stdin ? { stdin } : { entryPoints }) })),
    // Its own import()s of the SDK stay lazy; one of its modules importing another finds it inside.
    {
      ...inHost,
      plugins: [...common.plugins, oneVscodeNamespace, lazyImports],
      outfile: onDemandOutfile,
      stdin: { contents: onDemandModules.map((module) => `export * from './${module.replace(/\.ts$/, '')}';`).join('\n'), resolveDir: __dirname, sourcefile: 'onDemand.ts', loader: 'ts' },
    },
    { ...common, entryPoints: ['src/emulator/cli.ts'], outfile: 'dist/emulator-cli.js', plugins: [...common.plugins, emulatorFromItsBundle] },
    { ...common, entryPoints: ['src/emulator/sandboxProcess.ts'], outfile: 'dist/emulator-process.js', plugins: [...common.plugins, emulatorFromItsBundle] },
  ];
}

async function main() {
  require('node:fs').rmSync('dist', { recursive: true, force: true });
  const builds = planBuilds();
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
module.exports = { planBuilds, onDemandModules };
