// Where the first tree's time goes outside the window, in a fresh Node process so nothing is
// cached: requiring what activation loads (dist/extension.js, with a stub for the vscode module),
// the emulator bundle and starting the demo sandbox (seeding included), the SDK bundle, and the
// first listing over HTTP (client creation, credentials, signing, two paginators) against a
// second one. Run after the production build; prints JSON.
const Module = require('node:module');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const dist = join(__dirname, '..', 'dist');
const timed = async (run) => {
  const started = performance.now();
  const value = await run();
  return [Math.round((performance.now() - started) * 10) / 10, value];
};

async function main() {
  // activate() is not called: only the module's own initialisation, which needs vscode's shape.
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? new Proxy({}, { get: () => function stub() {} }) : load.call(this, request, ...rest);
  };
  const [requireExtensionMs] = await timed(() => require(join(dist, 'extension.js')));
  const [requireEmulatorMs, { FsxEmulator }] = await timed(() => require(join(dist, 'emulator.js')));
  const [startSandboxMs, emulator] = await timed(() => FsxEmulator.start({ scenario: 'demo' }));
  const [requireSdkMs, { FsxClientFactory, FsxService }] = await timed(() => require(join(dist, 'sdk.js')));
  const factory = new FsxClientFactory();
  const connection = { region: 'us-east-1', endpoint: emulator.url, sandbox: true };
  try {
    const [firstListingMs, resources] = await timed(() => new FsxService(factory.get(connection)).listResources());
    const [secondListingMs] = await timed(() => new FsxService(factory.get(connection)).listResources());
    console.log(JSON.stringify({ requireExtensionMs, requireEmulatorMs, startSandboxMs, requireSdkMs, firstListingMs, secondListingMs, resources: resources.length }));
  } finally {
    factory.dispose();
    await emulator.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
