// The layer table of docs/ARCHITECTURE.md ("Layers"), as rules that run in the static tier
// (`npm run lint:deps`). One rule per row: what a layer must not import (the `vscode` column is
// eslint's, which an editor shows as you type: eslint.config.mjs). Type imports count:
// a type-only cycle still ties the two modules' meaning together.

/** A path pattern for folders of src/. */
const inSrc = (...folders) => `^src/(${folders.join('|')})/`;
/** A path pattern for the top-level modules of src/ (extension, container, features, testApi...). */
const TOP = '^src/[^/]+\\.ts$';

/** A rule: modules under `from` must not import anything that matches `to`. */
const row = (name, from, to, comment) => ({ name, severity: 'error', comment, from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle, type imports included: declare what the top hands down in the layer below.',
      from: {},
      to: { circular: true },
    },
    row('commands', inSrc('commands'), [TOP, inSrc('emulator', 'chat')].join('|'), 'commands/ may import views/, viewModel/, tracking/, fsx/, outcomes/, mounts/, sandbox/ (types); never the container or the features module: what they are handed is declared in commands/services.ts.'),
    row('chat', inSrc('chat'), [TOP, inSrc('emulator')].join('|'), 'chat/ (the chat tools, vscode-bound) may import what commands/ may, and commands/ for their lookups and actions; never the container or the features module.'),
    row('views', inSrc('views'), [TOP, inSrc('commands', 'emulator')].join('|'), 'views/ may import viewModel/, tracking/, fsx/, outcomes/, mounts/, sandbox/.'),
    row('viewModel', inSrc('viewModel'), [TOP, inSrc('commands', 'views', 'sandbox', 'emulator')].join('|'), 'viewModel/ may import tracking/ (events), fsx/, outcomes/, mounts/.'),
    row('outcomes', inSrc('outcomes'), [TOP, inSrc('commands', 'views', 'viewModel', 'tracking', 'sandbox', 'emulator', 'mounts')].join('|'), 'outcomes/ may import fsx/ only (the product never depends on its emulator).'),
    row('tracking', inSrc('tracking'), [TOP, inSrc('commands', 'views', 'viewModel', 'outcomes', 'sandbox', 'emulator', 'mounts')].join('|'), 'tracking/ may import fsx/ only.'),
    row('fsx', inSrc('fsx'), [TOP, inSrc('commands', 'views', 'viewModel', 'outcomes', 'tracking', 'sandbox', 'emulator', 'mounts')].join('|'), 'fsx/ may import the AWS SDK only.'),
    row('mounts', inSrc('mounts'), [TOP, inSrc('commands', 'views', 'viewModel', 'outcomes', 'tracking', 'sandbox', 'emulator')].join('|'), 'mounts/ may import fsx/ (limits) only.'),
    row('sandbox', inSrc('sandbox'), [TOP, inSrc('commands', 'views', 'viewModel', 'outcomes', 'tracking', 'mounts')].join('|'), 'sandbox/ may import emulator/ and fsx/ (types).'),
    row('emulator', inSrc('emulator'), [TOP, inSrc('commands', 'views', 'viewModel', 'outcomes', 'tracking', 'fsx', 'sandbox', 'mounts')].join('|'), 'emulator/ imports Node only: it keeps its own copy of the API enums, a faithful, independent service.'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    externalModuleResolutionStrategy: 'node_modules',
  },
};
