import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CodeCacheOptions, requireWithCodeCache } from '../../../src/views/codeCache';

interface Bundle {
  readonly answer: number;
  readonly sibling: string;
  readonly where: string;
  readonly joined: string;
}

describe('requireWithCodeCache', () => {
  let root: string;
  let file: string;
  let cacheDir: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'fsx-code-cache-'));
    file = join(root, 'dist', 'main.js');
    cacheDir = join(root, 'storage', 'codeCache');
    writeBundle(`exports.answer = 42;`);
    writeFileSync(join(root, 'dist', 'sibling.js'), `module.exports = 'from the sibling';`);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function writeBundle(body: string): void {
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(file, `"use strict";\n${body}\nexports.sibling = require('./sibling.js');\nexports.where = __filename;\nexports.joined = require('node:path').join('a', 'b');\n`);
  }

  async function load(options: Partial<CodeCacheOptions> = {}): Promise<{ exports: Bundle; cache: string; files: string[] }> {
    const { exports, cache } = requireWithCodeCache<Bundle>({ file, cacheDir, ...options });
    await delay(20);
    return { exports, cache, files: readdirSync(cacheDir, { withFileTypes: true }).map((entry) => entry.name) };
  }

  /** A load in a process of its own, as the next window's: V8 then has nothing of the bundle compiled but what the cache holds. */
  function loadInNewProcess(): { cache: string; answer: number } {
    const script = `const { requireWithCodeCache } = require(${JSON.stringify(join(__dirname, '..', '..', '..', 'src', 'views', 'codeCache.js'))});
      const { exports, cache } = requireWithCodeCache({ file: ${JSON.stringify(file)}, cacheDir: ${JSON.stringify(cacheDir)} });
      setTimeout(() => console.log(JSON.stringify({ cache, answer: exports.answer })), 20);`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { cache: string; answer: number };
  }

  it('runs the bundle as require() would, and writes its cache once the caller is done', async () => {
    const first = await load();
    assert.equal(first.cache, 'missing');
    assert.deepEqual({ ...first.exports }, { answer: 42, sibling: 'from the sibling', where: file, joined: join('a', 'b') });
    assert.equal(first.files.length, 1, first.files.join(', '));
    assert.match(first.files[0] ?? '', /^main\.\d+\.\d+\..+\.cache$/);
  });

  it("the next window's load uses the cache the last one wrote", () => {
    // Both in processes of their own: V8 accepts a cache only under the flags it was made with
    // (a unit test turns on --expose-gc in this one).
    assert.deepEqual(loadInNewProcess(), { cache: 'missing', answer: 42 });
    assert.deepEqual(loadInNewProcess(), { cache: 'used', answer: 42 });
    assert.equal(readdirSync(cacheDir).length, 1);
  });

  it('a changed bundle compiles afresh, and its cache replaces the old one', async () => {
    const before = await load();
    writeBundle(`exports.answer = 43; // a longer bundle: an update`);
    const after = await load();
    assert.equal(after.cache, 'missing');
    assert.equal(after.exports.answer, 43);
    assert.equal(after.files.length, 1);
    assert.notEqual(after.files[0], before.files[0]);
  });

  it('a cache V8 does not accept costs only the compilation: the bundle runs and the cache is written again', () => {
    assert.deepEqual(loadInNewProcess(), { cache: 'missing', answer: 42 });
    writeFileSync(join(cacheDir, readdirSync(cacheDir)[0] ?? ''), 'not a code cache');
    assert.deepEqual(loadInNewProcess(), { cache: 'rejected', answer: 42 });
    assert.deepEqual(loadInNewProcess(), { cache: 'used', answer: 42 });
  });

  it('a cache that cannot be written is reported, and the bundle still loads', async () => {
    writeFileSync(join(root, 'storage'), 'a file where the folder would go');
    const errors: string[] = [];
    const { exports, cache } = requireWithCodeCache<Bundle>({ file, cacheDir, onSaveError: (message) => errors.push(message) });
    await delay(20);
    assert.equal(cache, 'missing');
    assert.equal(exports.answer, 42);
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /EEXIST|ENOTDIR/);
  });
});
