// Bundles the extension and the emulator CLI. `--production` minifies; otherwise source maps.
// `--watch` rebuilds on change and reports problems in the format VS Code's $esbuild-watch
// problem matcher reads.
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

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    supported: { 'dynamic-import': false },
    plugins: [...common.plugins, lazyImports],
  },
  ...lazyBundles.map(({ outfile, entryPoints, stdin }) => ({ ...common, outfile, ...(stdin ? { stdin } : { entryPoints }) })),
  { ...common, entryPoints: ['src/emulator/cli.ts'], outfile: 'dist/emulator-cli.js' },
];

async function main() {
  require('node:fs').rmSync('dist', { recursive: true, force: true });
  if (watch) {
    const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
