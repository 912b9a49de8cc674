// The sandbox's emulator as a process of its own (src/emulator/sandboxProcess.ts), started,
// reattached to, stopped and watched by LocalSandbox: the real process, from the compiled script.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalSandbox, type LocalSandboxOptions, type SandboxEnded } from '../../src/sandbox/localSandbox';
import { RemoteEmulator } from '../../src/sandbox/remoteEmulator';

const SCRIPT = join(__dirname, '..', '..', 'src', 'emulator', 'sandboxProcess.js');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** One raw request, with exactly these headers (Host included). */
function send(url: string, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers, setHost: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe('the sandbox process', function () {
  this.timeout(30_000);
  let folder: string;
  const sandboxes: LocalSandbox[] = [];
  const pids = new Set<number>();

  function sandbox(options: Partial<LocalSandboxOptions> = {}): LocalSandbox {
    const made = new LocalSandbox({ script: SCRIPT, recordFile: join(folder, 'sandbox.json'), livenessCheckMs: 100, ...options });
    sandboxes.push(made);
    return made;
  }

  async function started(made: LocalSandbox, timeScale = 1): Promise<{ pid: number; remote: RemoteEmulator }> {
    await made.start(timeScale);
    const control = made.control;
    assert.ok(control);
    pids.add(control.pid);
    return { pid: control.pid, remote: new RemoteEmulator(control) };
  }

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'fsx-sandbox-'));
  });

  afterEach(async () => {
    for (const made of sandboxes.splice(0)) {
      made.detach();
    }
    for (const pid of pids) {
      if (alive(pid)) {
        process.kill(pid, 'SIGKILL');
      }
    }
    pids.clear();
    rmSync(folder, { recursive: true, force: true });
  });

  it('starts one process on loopback however often it is asked, records it for this user only, and Stop ends it at once', async () => {
    const made = sandbox();
    const [first, second] = await Promise.all([made.start(1), made.start(1)]);
    assert.deepEqual(first, second);
    assert.match(first.endpoint ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(first.sandbox, true);
    const { pid, remote } = await started(made);
    assert.notEqual(pid, process.pid, 'a process of its own');
    assert.ok((await remote.state.fileSystems()).length >= 4, 'demo data');
    const record = JSON.parse(readFileSync(join(folder, 'sandbox.json'), 'utf8')) as { pid: number; url: string; controlUrl: string; token: string };
    assert.equal(record.pid, pid);
    assert.equal(record.url, first.endpoint);
    assert.match(record.controlUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(record.token, /^[0-9a-f]{64}$/);
    assert.equal(statSync(join(folder, 'sandbox.json')).mode & 0o777, 0o600);
    await made.stop();
    assert.equal(made.running, false);
    assert.equal(made.connection, undefined);
    await waitFor('the process to end', () => !alive(pid), 5_000);
    assert.throws(() => statSync(join(folder, 'sandbox.json')), /ENOENT/);
  });

  it('a reloaded window reattaches: same process, same state, a task that keeps running; a closing window leaves it running', async () => {
    const before = sandbox();
    const { pid, remote } = await started(before);
    const [fileSystem] = await remote.state.fileSystems();
    const taskId = await remote.state.addTask({ fileSystemId: fileSystem.fileSystemId, type: 'EXPORT_TO_REPOSITORY', pendingMs: 0, executingMs: 3_600_000, totalCount: 100 });
    const created = await remote.state.getTask(taskId);
    const endpoint = before.connection?.endpoint;
    before.detach();
    assert.ok(alive(pid), 'detach (deactivate) leaves the process');

    const after = sandbox();
    const connection = await after.reattach();
    assert.equal(connection?.endpoint, endpoint);
    assert.equal(after.control?.pid, pid);
    const again = await new RemoteEmulator(after.control!).state.getTask(taskId);
    assert.equal(again?.lifecycle, 'EXECUTING');
    assert.equal(again?.creationTime, created?.creationTime, 'not started over');
    assert.deepEqual(await after.start(1), connection, 'start() uses the reattached process');
  });

  it('a record of a dead process, or of one that does not know its token, is forgotten and a new process starts', async () => {
    const recordFile = join(folder, 'sandbox.json');
    const first = sandbox();
    const { pid } = await started(first);
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as Record<string, unknown>;
    first.detach();
    // Another token: the process at that id and port is not the one recorded.
    writeFileSync(recordFile, JSON.stringify({ ...record, token: 'f'.repeat(64) }), { mode: 0o600 });
    assert.equal(await sandbox().reattach(), undefined);
    assert.throws(() => statSync(recordFile), /ENOENT/);
    process.kill(pid, 'SIGKILL');
    await waitFor('the process to end', () => !alive(pid));
    writeFileSync(recordFile, JSON.stringify(record), { mode: 0o600 });
    const fresh = sandbox();
    assert.equal(await fresh.reattach(), undefined, 'dead');
    const { pid: newPid } = await started(fresh);
    assert.notEqual(newPid, pid);
  });

  it('exits by itself when no request reached it for the idle time, and says so as an idle end (not a crash)', async () => {
    const made = sandbox({ idleMs: 400 });
    const ends: SandboxEnded[] = [];
    made.onDidEnd((ended) => ends.push(ended));
    const { pid } = await started(made);
    await waitFor('the idle exit', () => !alive(pid), 10_000);
    await waitFor('the end reported', () => ends.length > 0);
    assert.deepEqual(ends, [{ reason: 'idle', detail: 'exit code 0', scenario: 'demo' }]);
    assert.throws(() => statSync(join(folder, 'sandbox.json')), /ENOENT/, 'the process removed its record');
    assert.equal(made.running, false);
  });

  it('requests keep it alive past the idle time', async () => {
    const made = sandbox({ idleMs: 1_000 });
    const { pid, remote } = await started(made);
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await remote.totalRequests();
    }
    assert.ok(alive(pid), 'used every 250 ms for one and a half times its idle time');
  });

  it('a crash is reported once, to the window that started it (with its signal) and to one that reattached', async () => {
    const starter = sandbox();
    const starterEnds: SandboxEnded[] = [];
    starter.onDidEnd((ended) => starterEnds.push(ended));
    const { pid } = await started(starter);
    const other = sandbox();
    const otherEnds: SandboxEnded[] = [];
    other.onDidEnd((ended) => otherEnds.push(ended));
    assert.ok(await other.reattach());
    process.kill(pid, 'SIGKILL');
    await waitFor('both windows to see the end', () => starterEnds.length > 0 && otherEnds.length > 0, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(starterEnds, [{ reason: 'crashed', detail: 'SIGKILL', scenario: 'demo' }]);
    assert.deepEqual(otherEnds, [{ reason: 'crashed', detail: undefined, scenario: 'demo' }]);
    assert.equal(starter.running, false);
    assert.equal(other.running, false);
    // Restartable: a new process.
    const { pid: restarted } = await started(starter);
    assert.notEqual(restarted, pid);
  });

  it('a stop in one window is not a crash in another', async () => {
    const starter = sandbox();
    await started(starter);
    const other = sandbox();
    const otherEnds: SandboxEnded[] = [];
    other.onDidEnd((ended) => otherEnds.push(ended));
    await other.reattach();
    await starter.stop();
    await waitFor('the other window to see the end', () => otherEnds.length > 0, 10_000);
    assert.deepEqual(otherEnds, [{ reason: 'idle', detail: undefined, scenario: 'demo' }]);
  });

  it('the control endpoint answers only its own Host and only with the token', async () => {
    const made = sandbox();
    const { remote } = await started(made);
    const control = made.control;
    assert.ok(control);
    const { port } = new URL(control.controlUrl);
    const auth = { authorization: `Bearer ${control.token}` };
    const call = JSON.stringify({ method: 'reset', args: [] });
    assert.equal((await send(control.controlUrl, { path: '/health', headers: { host: `127.0.0.1:${port}`, ...auth } })).status, 200);
    assert.equal((await send(control.controlUrl, { path: '/health', headers: { host: `localhost:${port}`, ...auth } })).status, 200);
    for (const host of [`evil.example:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`, `localhost.evil.example:${port}`]) {
      const refused = await send(control.controlUrl, { method: 'POST', path: '/call', headers: { host, ...auth, 'content-type': 'application/json' }, body: call });
      assert.equal(refused.status, 421, host);
    }
    await remote.injectFault({ kind: 'throttle' });
    for (const authorization of [undefined, 'Bearer ', `Bearer ${'0'.repeat(64)}`, control.token, `Bearer ${control.token}x`]) {
      const headers: Record<string, string> = { host: `127.0.0.1:${port}`, 'content-type': 'application/json' };
      if (authorization !== undefined) {
        headers.authorization = authorization;
      }
      assert.equal((await send(control.controlUrl, { method: 'POST', path: '/call', headers, body: call })).status, 401, String(authorization));
      assert.equal((await send(control.controlUrl, { method: 'POST', path: '/stop', headers })).status, 401, String(authorization));
    }
    // None of them reset the emulator or stopped it: the fault is still there.
    const fsx = await send(control.url, {
      method: 'POST',
      headers: {
        host: new URL(control.url).host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSSimbaAPIService_v20180301.DescribeFileSystems',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/fsx/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: '{}',
    });
    assert.equal(fsx.status, 400);
    assert.match(fsx.body, /Throttling/);
    const unknown = await send(control.controlUrl, { method: 'POST', path: '/call', headers: { host: `127.0.0.1:${port}`, ...auth }, body: JSON.stringify({ method: 'constructor', args: [] }) });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body, /Unknown method/);
  });

  it('a latency setting delays every FSx answer by that much', async () => {
    const made = sandbox({ latencyMs: 150 });
    const { remote } = await started(made);
    const control = made.control;
    assert.ok(control);
    const describe = () =>
      send(control.url, {
        method: 'POST',
        headers: {
          host: new URL(control.url).host,
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSSimbaAPIService_v20180301.DescribeFileSystems',
          authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/fsx/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: '{}',
      });
    const startedAt = performance.now();
    const answer = await describe();
    assert.equal(answer.status, 200);
    assert.ok(performance.now() - startedAt >= 145, `${performance.now() - startedAt} ms`);
    assert.equal((await remote.requestCounts()).DescribeFileSystems, 1);
  });
});
