// Loads the emulator when the sandbox starts rather than at activation. Types are free; the
// import() is the only place the module is loaded, so the production build makes the emulator a
// bundle of its own (dist/emulator.js).
export type EmulatorModule = typeof import('../emulator/index.js');

export function loadEmulator(): Promise<EmulatorModule> {
  return import('../emulator/index.js');
}
