// Every word a person reads goes through l10n (vscode.l10n.t, or the injected L10n in the
// vscode-free layers), and l10n/bundle.l10n.json, which @vscode/l10n-dev exports from those
// calls, is current. These checks fail on a bare English string in a user-facing position.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

const root = join(__dirname, '..', '..', '..');
const src = join(root, 'src');

/** Looks like words for a person: "Load more", "Retry", not "fsxTasks.refresh" or "FAILED". */
function looksLikeProse(text: string): boolean {
  const stripped = text.replace(/\$\([^)]*\)/g, ' ');
  return /[A-Za-z]{2,}[ ,:]+[A-Za-z]{2,}/.test(stripped) || /^\s*[A-Z][a-z]{2,}\b/.test(stripped);
}

const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error']);

/** Where a literal may stay English: the l10n key itself, log lines, module specifiers. */
function isExempt(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current)) {
      const callee = current.expression.getText();
      // The l10n key itself; a symbol's description; a command line sent to a terminal.
      if (/(^|\.)l10n\.t$/.test(callee) || callee === 'Symbol' || /\.sendText$/.test(callee)) {
        return true;
      }
      if (ts.isPropertyAccessExpression(current.expression) && LOG_METHODS.has(current.expression.name.text) && /log$/i.test(current.expression.expression.getText())) {
        return true;
      }
    }
    if (ts.isImportDeclaration(current) || ts.isExportDeclaration(current) || ts.isLiteralTypeNode(current)) {
      return true;
    }
  }
  return false;
}

function bareStrings(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const literal =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? node.text
        : ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
          ? node.text
          : undefined;
    if (literal !== undefined && looksLikeProse(literal) && !isExempt(node)) {
      const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(root, file)}:${line + 1}: ${JSON.stringify(literal)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** vscode-free folders whose text people read: the presentation layer (it words through the injected L10n). */
const PRESENTATION_FOLDERS = [join('src', 'viewModel')];

/** The code that shows things to people: everything that imports vscode, and the presentation layer. */
function userFacingFiles(): string[] {
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(src, file))
    .filter((file) => /from 'vscode'/.test(readFileSync(file, 'utf8')) || PRESENTATION_FOLDERS.some((folder) => file.startsWith(join(root, folder))));
}

describe('l10n', () => {
  it('has no bare English string where a person reads it', () => {
    const files = userFacingFiles();
    assert.ok(files.length > 20, `${files.length} files checked`);
    // A renamed folder must fail this test, not leave its files unchecked.
    for (const folder of PRESENTATION_FOLDERS) {
      assert.ok(files.filter((file) => file.startsWith(join(root, folder))).length >= 3, `${folder} exists and is checked`);
    }
    assert.deepEqual(files.flatMap(bareStrings), []);
  });

  it('flags a bare string, and accepts it inside l10n.t or a log line (the check can fail)', () => {
    const probe = (code: string) => {
      const sourceFile = ts.createSourceFile('probe.ts', code, ts.ScriptTarget.ES2022, true);
      const hits: string[] = [];
      const visit = (node: ts.Node) => {
        if (ts.isStringLiteral(node) && looksLikeProse(node.text) && !isExempt(node)) {
          hits.push(node.text);
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
      return hits;
    };
    assert.deepEqual(probe("show('Could not load the tasks')"), ['Could not load the tasks']);
    assert.deepEqual(probe("show(vscode.l10n.t('Could not load the tasks'))"), []);
    assert.deepEqual(probe("log.warn('Could not load the tasks')"), []);
    assert.deepEqual(probe("run('fsxTasks.refresh', 'FAILED', 'loading~spin')"), []);
    assert.deepEqual(probe("terminal.sendText('aws sso login')"), []);
  });

  it('ships a bundle that matches the sources', async function () {
    // @vscode/l10n-dev parses with tree-sitter (WebAssembly): seconds, more on a busy machine.
    this.timeout(120_000);
    // The exporter is an ES module; load it the way Node loads any module.
    const exporter = (await import(join(root, 'scripts', 'l10n', 'export.mjs'))) as { exportBundle(): Promise<Record<string, string>>; serialize(bundle: unknown): string; bundlePath: string };
    const fresh = exporter.serialize(await exporter.exportBundle());
    assert.equal(readFileSync(exporter.bundlePath, 'utf8'), fresh, 'l10n/bundle.l10n.json is stale: run npm run l10n');
    const bundle = JSON.parse(fresh) as Record<string, string>;
    // Both the vscode-bound and the injected-l10n strings are in it.
    assert.equal(bundle['Cancel Task'], 'Cancel Task');
    assert.equal(bundle['Executing'], 'Executing');
    assert.ok(Object.keys(bundle).length > 150);
  });
});
