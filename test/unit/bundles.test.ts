// What each bundle carries (esbuild.js): activation loads dist/extension.js only, so the commands'
// handlers, the SDK and the emulator must not be in it; and the features bundle takes what it
// shares with the extension from it, so no module exists twice (tree nodes are checked with
// instanceof across the two).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = join(__dirname, '..', '..', '..');

interface Planned extends esbuild.BuildOptions {
  readonly outfile: string;
}

async function sourcesOf(build: Planned): Promise<string[]> {
  const { metafile } = await esbuild.build({ ...build, absWorkingDir: root, write: false, metafile: true, minify: false, sourcemap: false });
  return Object.keys(metafile.inputs);
}

describe('bundles', function () {
  this.timeout(60_000);
  let inputs: Map<string, string[]>;

  before(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { planBuilds } = require(join(root, 'esbuild.js')) as { planBuilds(): Promise<Planned[]> };
    const builds = await planBuilds();
    inputs = new Map(await Promise.all(builds.map(async (build) => [build.outfile, await sourcesOf(build)] as const)));
  });

  it('activation loads no command handler, chat tool, document, panel, SDK client or emulator', () => {
    const extension = inputs.get('dist/extension.js') ?? [];
    assert.ok(extension.includes('src/extension.ts') || extension.some((input) => input.endsWith('extension-entry.ts')), JSON.stringify(extension.slice(0, 5)));
    const lazy = /^src\/(commands\/|features\.ts|views\/(taskDetails|outcomePanels|reports|startTaskAsk)\.ts|outcomes\/(webviewPages|reportReader|catalog|s3Client)\.ts|viewModel\/(startTaskFlow|startTaskWords|startableTasks|bulkActions|regionScan|chatTools|chatToolInput)\.ts|chat\/chatTools\.ts|fsx\/(createTask|cancel|clientFactory|fsxService)\.ts|emulator\/)|node_modules\/(@aws-sdk\/client-|@aws-sdk\/credential-provider|csv-parse)/;
    assert.deepEqual(extension.filter((input) => lazy.test(input)), []);
  });

  it('the features bundle carries no module of the extension bundle', () => {
    const extension = new Set(inputs.get('dist/extension.js'));
    const features = inputs.get('dist/features.js') ?? [];
    assert.ok(features.includes('src/commands/cancelTask.ts'), 'the cancel command is in the features bundle');
    assert.deepEqual(features.filter((input) => input.startsWith('src/') && extension.has(input)), []);
    // The shared ones are there, as references to the extension bundle's modules.
    assert.ok(features.some((input) => input.startsWith('extension-bundle:src/views/explorer/')), JSON.stringify(features.filter((input) => input.includes(':'))));
  });
});
