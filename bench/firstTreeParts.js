// Where the first tree's time goes outside the window, in a fresh Node process so nothing is
// cached: requiring what activation loads (dist/extension.js, the entry, with a stub for the vscode
// module, then dist/main.js, the main code), the emulator bundle and starting the demo sandbox (seeding included),
// the SDK bundle, and the first listing over HTTP (client creation, credentials, signing, two
// paginators) against a second one. With --warm the SDK is warmed up first, as the extension does
// while the window is idle (src/fsx/inMemoryWarmUp.ts), and what that costs is reported: its wall and
// CPU time and the heap and RSS it adds (what a window that never opens the view pays).
// Run after the production build; prints JSON.
const Module = require('node:module');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const dist = join(__dirname, '..', 'dist');
const round = (value) => Math.round(value * 10) / 10;
const timed = async (run) => {
  const started = performance.now();
  const value = await run();
  return [round(performance.now() - started), value];
};
const mib = (bytes) => round(bytes / 2 ** 20);

async function main() {
  const warm = process.argv.includes('--warm');
  // activate() is not called: only the modules' own initialisation, which needs vscode's shape.
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? new Proxy({}, { get: () => function stub() {} }) : load.call(this, request, ...rest);
  };
  const [requireExtensionMs] = await timed(() => require(join(dist, 'extension.js')));
  const [requireMainMs] = await timed(() => require(join(dist, 'main.js')));
  const [requireEmulatorMs, { FsxEmulator }] = await timed(() => require(join(dist, 'emulator.js')));
  const [startSandboxMs, emulator] = await timed(() => FsxEmulator.start({ scenario: 'demo' }));
  globalThis.gc?.();
  const before = { cpu: process.cpuUsage(), memory: process.memoryUsage() };
  const [requireSdkMs, sdk] = await timed(() => require(join(dist, 'sdk.js')));
  const [warmUpMs] = warm ? await timed(() => sdk.warmUpSdk()) : [0];
  globalThis.gc?.();
  const cpu = process.cpuUsage(before.cpu);
  const memory = process.memoryUsage();
  const factory = new sdk.FsxClientFactory();
  const connection = { region: 'us-east-1', endpoint: emulator.url, sandbox: true };
  try {
    const [firstListingMs, resources] = await timed(() => new sdk.FsxService(factory.get(connection)).listResources());
    const [secondListingMs] = await timed(() => new sdk.FsxService(factory.get(connection)).listResources());
    const [firstTaskPageMs] = await timed(() => new sdk.FsxService(factory.get(connection)).listTasks(resources[0], { pageSize: 50 }));
    const sdkCost = {
      sdkCpuMs: round((cpu.user + cpu.system) / 1000),
      sdkHeapMiB: mib(memory.heapUsed - before.memory.heapUsed),
      sdkRssMiB: mib(memory.rss - before.memory.rss),
    };
    console.log(JSON.stringify({ requireExtensionMs, requireMainMs, requireEmulatorMs, startSandboxMs, requireSdkMs, warmUpMs, ...sdkCost, firstListingMs, secondListingMs, firstTaskPageMs, resources: resources.length }));
  } finally {
    factory.dispose();
    await emulator.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
