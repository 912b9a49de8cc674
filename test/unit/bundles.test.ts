// What each bundle carries (esbuild.js). Every window runs activation's entry, dist/extension.js:
// it must stay a few KB and carry nothing of the main code (no container, no tree, no command),
// which it loads (dist/main.js, with its code cache) when the window needs it; the SDK and the
// emulator are in neither.
// What only a command or a chat tool uses is in dist/onDemand.js, loaded by import() on first use:
// the main code carries none of it, and it carries no copy of what must exist once.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = join(__dirname, '..', '..', '..');

interface Planned extends esbuild.BuildOptions {
  readonly outfile: string;
}

interface BuildPlan {
  planBuilds(): Planned[];
  readonly onDemandModules: readonly string[];
}

/** Activation's entry, minified: what every window parses, used or not. */
const ENTRY_MAX_BYTES = 8 * 1024;
/**
 * The main code, minified: what a window that uses the extension parses inside activate()
 * (177,750 bytes when set; 215,000 or so once the event log's tree counts, the sandbox's process
 * and mount, Restore from S3 and the release preview came in, with the event log's page on demand;
 * 242,447 before the on-demand bundle). Code only a command runs goes on demand
 * (esbuild.js, onDemandModules) rather than raising this.
 */
const MAIN_MAX_BYTES = 215 * 1024;

/** The modules a bundle carries code of (an import whose code was all tree-shaken away is not), and its size. */
async function built(build: Planned): Promise<{ inputs: string[]; bytes: number; text: string }> {
  const { metafile, outputFiles } = await esbuild.build({ ...build, absWorkingDir: root, write: false, metafile: true, minify: true, sourcemap: false });
  const [output] = Object.values(metafile.outputs);
  // csv-parse's index keeps a re-export of its error class (72 bytes) wherever reportCsv.ts is imported.
  const inputs = Object.entries(output?.inputs ?? {}).filter(([input, { bytesInOutput }]) => bytesInOutput > (input.includes('csv-parse/lib/api/index') ? 100 : 0));
  return { inputs: inputs.map(([input]) => input), bytes: output?.bytes ?? 0, text: outputFiles?.find((file) => file.path.endsWith('.js'))?.text ?? '' };
}

describe('bundles', function () {
  this.timeout(60_000);
  let bundles: Map<string, { inputs: string[]; bytes: number; text: string }>;
  let plan: BuildPlan;

  before(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    plan = require(join(root, 'esbuild.js')) as BuildPlan;
    bundles = new Map(await Promise.all(plan.planBuilds().map(async (build) => [build.outfile, await built(build)] as const)));
  });

  it(`activation's entry stays under ${ENTRY_MAX_BYTES} bytes and carries none of the main code`, () => {
    const entry = bundles.get('dist/extension.js');
    assert.ok(entry && entry.inputs.includes('src/extension.ts'), JSON.stringify(entry?.inputs));
    assert.ok(entry.bytes <= ENTRY_MAX_BYTES, `dist/extension.js is ${entry.bytes} bytes`);
    const mainCode = /^src\/(container|main)\.ts|^src\/(commands|chat\/chatTools\.ts|views\/explorer|tracking|fsx\/(clientFactory|fsxService|endpoint))\/?|^src\/viewModel\/chatTool|^src\/views\/(settings|trackingController|statusBar|taskDetails|outcomePanels|reports)\.ts|^src\/emulator\/|node_modules\//;
    assert.deepEqual(entry.inputs.filter((input) => mainCode.test(input)), []);
  });

  it("the entry loads the main code through its code cache, which compiles it with no dynamic import()", () => {
    // views/codeCache.ts compiles dist/main.js with vm.Script, which has no dynamic import():
    // esbuild turns each import() of the main code into a require() (dynamic import unsupported).
    const entry = bundles.get('dist/extension.js');
    assert.ok(entry && entry.inputs.includes('src/views/codeCache.ts'), JSON.stringify(entry?.inputs));
    assert.equal(entry.text.match(/require\("\.\/main\.js"\)/g), null, 'dist/main.js required without its code cache');
    const main = bundles.get('dist/main.js')?.text ?? '';
    assert.ok(main.includes('require("./sdk.js")'), 'the SDK bundle is required where the main code imports it');
    assert.equal(main.match(/\bimport\(/g), null, 'a dynamic import() in dist/main.js');
  });

  it(`the main code registers the commands itself, stays under ${MAIN_MAX_BYTES} bytes, and leaves the SDK, the emulator and the on-demand code to their bundles`, () => {
    const main = bundles.get('dist/main.js');
    assert.ok(main);
    for (const module of ['src/container.ts', 'src/commands/index.ts', 'src/commands/cancelTask.ts', 'src/commands/startTask.ts', 'src/commands/associationCommands.ts', 'src/views/taskDetails.ts']) {
      assert.ok(main.inputs.includes(module), `${module} in dist/main.js`);
    }
    assert.ok(main.bytes <= MAIN_MAX_BYTES, `dist/main.js is ${main.bytes} bytes`);
    const lazy = /^src\/(outcomes\/(s3Client|logsClient)|fsx\/(clientFactory|fsxService))\.ts|^src\/emulator\/|node_modules\/(@aws-sdk\/client-|@aws-sdk\/credential-provider|csv-parse)/;
    assert.deepEqual(main.inputs.filter((input) => lazy.test(input) || plan.onDemandModules.includes(input)), []);
  });

  it('the on-demand bundle carries its modules and no copy of what must exist once', () => {
    const onDemand = bundles.get('dist/onDemand.js')?.inputs ?? [];
    for (const module of plan.onDemandModules) {
      assert.ok(onDemand.includes(module), `${module} in dist/onDemand.js`);
    }
    // Classes checked with instanceof (tree nodes, the HSM errors) and objects with state (the
    // tracker, settings, the prompts seam, the container) exist in the main code only: on-demand
    // code is handed them. (Restore from S3 on demand failed this way: its instanceof HsmRequestError
    // never matched the main code's error, and the privilege message was never shown.)
    const once = /^src\/mounts\/hsm\/(actions|source)\.ts|^src\/(container|main|extension)\.ts|^src\/(views\/explorer|tracking|emulator)\/|^src\/commands\/(boundary|index|taskTarget)\.ts|^src\/views\/(settings|prompts|log|trackingController|statusBar|taskDetails|startQueueController|connectionsController|mountsController)\.ts|node_modules\/(@aws-sdk\/client-|@aws-sdk\/credential-provider)/;
    assert.deepEqual(onDemand.filter((input) => once.test(input)), []);
  });

  it('each bundle that runs in the extension host wraps the vscode module once, not once per module that imports it', () => {
    // esbuild.js (oneVscodeNamespace): each wrap copies the API's few hundred properties.
    for (const outfile of ['dist/extension.js', 'dist/main.js', 'dist/onDemand.js']) {
      const requires = bundles.get(outfile)?.text.match(/require\("vscode"\)/g) ?? [];
      assert.equal(requires.length, 1, `${outfile} requires vscode ${requires.length} times`);
    }
  });

  it('the package carries every bundle the extension loads (.vscodeignore is an allow-list)', () => {
    const allowed = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((line) => line.startsWith('!')).map((line) => line.slice(1).trim());
    const loaded = [...bundles.keys()].filter((outfile) => outfile !== 'dist/emulator-cli.js');
    assert.deepEqual(loaded.filter((outfile) => !allowed.includes(outfile)), []);
  });

  it("the on-demand modules' exports do not collide, so each import() finds every name it asks for", async () => {
    // dist/onDemand.js re-exports every module with `export *`, which drops a name two of them export.
    const owners = new Map<string, string>();
    for (const module of plan.onDemandModules) {
      const { metafile } = await esbuild.build({ entryPoints: [module], absWorkingDir: root, bundle: true, format: 'esm', platform: 'node', external: ['vscode'], write: false, metafile: true, logLevel: 'silent' });
      const [output] = Object.values(metafile.outputs);
      for (const name of output?.exports ?? []) {
        assert.equal(owners.get(name), undefined, `${name} is exported by ${owners.get(name)} and ${module}`);
        owners.set(name, module);
      }
    }
    assert.ok(owners.size > plan.onDemandModules.length, [...owners.keys()].join(', '));
  });
});
