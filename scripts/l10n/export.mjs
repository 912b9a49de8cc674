// Writes l10n/bundle.l10n.json, the strings translators work from, with @vscode/l10n-dev.
// The vscode-bound code calls vscode.l10n.t, which the tool finds by itself. The vscode-free
// layers take the localizer injected under the name `l10n` (src/fsx/l10n.ts), which the tool
// only recognises when `l10n` is imported: we show it that import, without changing the source.
// `node scripts/l10n/export.mjs --check` fails when the committed bundle is out of date.
import { getL10nJson } from '@vscode/l10n-dev';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bundlePath = join(root, 'l10n', 'bundle.l10n.json');
const INJECTED = "import * as l10n from '@vscode/l10n';\n";

/** The bundle as the sources say it should be, keys sorted so diffs stay small. */
export async function exportBundle() {
  const src = join(root, 'src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .sort();
  // Only files that say something (parsing the rest costs seconds and finds nothing).
  const sources = files.map((file) => readFileSync(join(src, file), 'utf8')).filter((contents) => contents.includes('l10n.t('));
  const scripts = sources.map((contents) => {
    const usesVscode = /from 'vscode'/.test(contents);
    return { extension: '.ts', contents: usesVscode ? contents : INJECTED + contents };
  });
  const bundle = await getL10nJson(scripts);
  return Object.fromEntries(Object.keys(bundle).sort().map((key) => [key, bundle[key]]));
}

export function serialize(bundle) {
  return JSON.stringify(bundle, null, 2) + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = serialize(await exportBundle());
  if (process.argv.includes('--check')) {
    const committed = readFileSync(bundlePath, 'utf8');
    if (committed !== text) {
      console.error(`${relative(root, bundlePath)} is out of date: run npm run l10n`);
      process.exit(1);
    }
    console.log(`${relative(root, bundlePath)} is up to date (${Object.keys(JSON.parse(text)).length} strings)`);
  } else {
    mkdirSync(dirname(bundlePath), { recursive: true });
    writeFileSync(bundlePath, text);
    console.log(`wrote ${relative(root, bundlePath)} (${Object.keys(JSON.parse(text)).length} strings)`);
  }
}
