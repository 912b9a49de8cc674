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
 * module: the FSx SDK side, the emulator (the sandbox) and the S3 client. In the extension bundle
 * those import()s stay external and name the sibling dist file; esbuild's CommonJS output turns
 * each into a require() inside a promise.
 */
const lazyBundles = [
  { specifier: './fsxBackend.js', entry: 'src/fsx/fsxBackend.ts', outfile: 'dist/fsx-backend.js' },
  { specifier: '../emulator/index.js', entry: 'src/emulator/index.ts', outfile: 'dist/emulator.js' },
  { specifier: './s3Client.js', entry: 'src/outcomes/s3Client.ts', outfile: 'dist/s3.js' },
];

/** @type {import('esbuild').Plugin} */
const lazyImports = {
  name: 'lazy-bundles',
  setup(build) {
    for (const { specifier, outfile } of lazyBundles) {
      const filter = new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
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
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [...common.plugins, lazyImports] },
  ...lazyBundles.map(({ entry, outfile }) => ({ ...common, entryPoints: [entry], outfile })),
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
