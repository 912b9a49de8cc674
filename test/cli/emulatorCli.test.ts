// The standalone emulator CLI as a person runs it: flags, the "listening" line, request log
// lines on stderr, and a clean stop on SIGTERM/SIGINT.

import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../src/emulator/cli.js');
const LISTENING = /^FSx emulator listening on http:\/\/127\.0\.0\.1:(\d+)$/m;

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: readonly string[]): Run {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function waitFor(predicate: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('emulator CLI (node out/src/emulator/cli.js)', function () {
  this.timeout(15_000);
  const started: ChildProcess[] = [];

  afterEach(() => {
    for (const child of started.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    }
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints the listening line, logs each request, and exits 0 on ${signal}`, async () => {
      const cli = run(['--port', '0', '--scenario', 'demo', '--time-scale', '10', '--seed', '3']);
      started.push(cli.child);
      await waitFor(() => LISTENING.test(cli.stdout()), 'the listening line');
      const port = Number(LISTENING.exec(cli.stdout())?.[1]);
      assert.ok(port > 0);
      assert.equal(cli.stdout().trim().split('\n').length, 1, 'exactly one line on stdout');

      const response = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSSimbaAPIService_v20180301.DescribeFileSystems',
          authorization: 'AWS4-HMAC-SHA256 x',
        },
        body: '{}',
      });
      assert.equal(response.status, 200);
      const body = (await response.json()) as { FileSystems: unknown[] };
      assert.ok(body.FileSystems.length >= 4, 'the demo scenario');
      await waitFor(() => /^DescribeFileSystems 200 \d+ms$/m.test(cli.stderr()), 'the request log line');

      cli.child.kill(signal);
      assert.equal(await cli.exit, 0);
    });
  }

  it('rejects bad flags with the usage text and exit code 2', async () => {
    for (const args of [['--port', 'x'], ['--scenario', 'nope'], ['--frobnicate']]) {
      const cli = run(args);
      started.push(cli.child);
      assert.equal(await cli.exit, 2, args.join(' '));
      assert.match(cli.stderr(), /Usage: emulator-cli/);
      assert.equal(cli.stdout(), '');
    }
  });
});
