// What each bundle carries (esbuild.js). Every window runs activation's entry, dist/extension.js:
// it must stay a few KB and carry nothing of the main code (no container, no tree, no command),
// which dist/main.js loads when the window needs it; the SDK and the emulator are in neither.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = join(__dirname, '..', '..', '..');

interface Planned extends esbuild.BuildOptions {
  readonly outfile: string;
}

/** Activation's entry, minified: what every window parses, used or not. */
const ENTRY_MAX_BYTES = 8 * 1024;

/** The modules a bundle carries code of (an import whose code was all tree-shaken away is not), and its size. */
async function built(build: Planned): Promise<{ inputs: string[]; bytes: number }> {
  const { metafile } = await esbuild.build({ ...build, absWorkingDir: root, write: false, metafile: true, minify: true, sourcemap: false });
  const [output] = Object.values(metafile.outputs);
  // csv-parse's index keeps a re-export of its error class (72 bytes) wherever reportCsv.ts is imported.
  const inputs = Object.entries(output?.inputs ?? {}).filter(([input, { bytesInOutput }]) => bytesInOutput > (input.includes('csv-parse/lib/api/index') ? 100 : 0));
  return { inputs: inputs.map(([input]) => input), bytes: output?.bytes ?? 0 };
}

describe('bundles', function () {
  this.timeout(60_000);
  let bundles: Map<string, { inputs: string[]; bytes: number }>;

  before(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { planBuilds } = require(join(root, 'esbuild.js')) as { planBuilds(): Planned[] };
    bundles = new Map(await Promise.all(planBuilds().map(async (build) => [build.outfile, await built(build)] as const)));
  });

  it(`activation's entry stays under ${ENTRY_MAX_BYTES} bytes and carries none of the main code`, () => {
    const entry = bundles.get('dist/extension.js');
    assert.ok(entry && entry.inputs.includes('src/extension.ts'), JSON.stringify(entry?.inputs));
    assert.ok(entry.bytes <= ENTRY_MAX_BYTES, `dist/extension.js is ${entry.bytes} bytes`);
    const mainCode = /^src\/(container|main)\.ts|^src\/(commands|chat\/chatTools\.ts|views\/explorer|tracking|fsx\/(clientFactory|fsxService|endpoint))\/?|^src\/viewModel\/chatTool|^src\/views\/(settings|trackingController|statusBar|taskDetails|outcomePanels|reports)\.ts|^src\/emulator\/|node_modules\//;
    assert.deepEqual(entry.inputs.filter((input) => mainCode.test(input)), []);
  });

  it('the main code registers the commands itself and leaves the SDK and the emulator to their bundles', () => {
    const main = bundles.get('dist/main.js')?.inputs ?? [];
    for (const module of ['src/container.ts', 'src/commands/index.ts', 'src/commands/cancelTask.ts', 'src/views/taskDetails.ts', 'src/views/outcomePanels.ts']) {
      assert.ok(main.includes(module), `${module} in dist/main.js`);
    }
    const lazy = /^src\/(outcomes\/(s3Client|logsClient)|fsx\/(clientFactory|fsxService))\.ts|^src\/emulator\/|node_modules\/(@aws-sdk\/client-|@aws-sdk\/credential-provider|csv-parse)/;
    assert.deepEqual(main.filter((input) => lazy.test(input)), []);
  });
});
