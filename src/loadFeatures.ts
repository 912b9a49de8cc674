// Loads the features bundle (src/features.ts) on first use. Types are free; the import() is the
// only place the module is loaded, so the production build makes it a bundle of its own.
export type FeaturesModule = typeof import('./features.js');

export function loadFeatures(): Promise<FeaturesModule> {
  return import('./features.js');
}
