// Endpoints the SDK would read by itself (issue 18, finding 6): AWS_ENDPOINT_URL and a profile's
// endpoint_url / services section are checked by the rule of the fsxTasks.endpoint setting (https;
// plain http only on loopback), and a refused one is named where it is configured.
import * as assert from 'node:assert/strict';
import type { ExplorerNode } from '../../src/views/explorer/node';
import { children, contextValue, label } from './helpers';
import { useOwnEmulator } from './ownEmulator';

const KEYS = '[good]\naws_access_key_id = AKIAENDPOINTS0000001\naws_secret_access_key = endpointsSecret000000000000000000000000000\n';

describe('endpoints from the environment and the AWS config file', function () {
  this.timeout(60_000);
  const own = useOwnEmulator();

  afterEach(() => {
    delete process.env.AWS_ENDPOINT_URL;
  });

  async function rowsOf(roots: ExplorerNode[], name: string): Promise<ExplorerNode[]> {
    const root = roots.find((node) => label(node) === name);
    assert.ok(root, `a node ${name} among: ${roots.map(label).join(' | ')}`);
    return children(own.api(), root);
  }

  it('a profile\'s endpoint_url with plain http to another host: the connection says so and where, and sends nothing', async () => {
    own.writeConfig('[profile good]\nregion = us-east-1\nendpoint_url = http://capture.example.com\n');
    own.writeCredentials(KEYS);
    const sent = () => Object.values(own.emulator().requestCounts()).reduce((sum, count) => sum + count, 0);
    const before = sent();
    const roots = await own.connect([{ profile: 'good', region: 'us-east-1' }], { endpoint: '' });
    const [error] = await rowsOf(roots, 'good · us-east-1');
    assert.equal(contextValue(error), 'error.validation');
    assert.match(label(error) + String(error.getTreeItem().tooltip ?? ''), /endpoint_url of profile "good" in the AWS config file/);
    assert.equal(sent(), before);
  });

  it('AWS_ENDPOINT_URL with plain http to another host: named, refused', async () => {
    own.writeConfig('[profile good]\nregion = us-east-1\n');
    own.writeCredentials(KEYS);
    process.env.AWS_ENDPOINT_URL = 'http://10.0.0.1:8080';
    const roots = await own.connect([{ profile: 'good', region: 'us-east-1' }], { endpoint: '' });
    const [error] = await rowsOf(roots, 'good · us-east-1');
    assert.equal(contextValue(error), 'error.validation');
    assert.match(label(error) + String(error.getTreeItem().tooltip ?? ''), /AWS_ENDPOINT_URL\b.*plain http/);
  });

  it('a loopback endpoint_url in the profile is used, as the SDK would', async () => {
    own.writeConfig(`[profile good]\nregion = us-east-1\nendpoint_url = ${own.emulator().url}\n`);
    own.writeCredentials(KEYS);
    const roots = await own.connect([{ profile: 'good', region: 'us-east-1' }], { endpoint: '' });
    const rows = await rowsOf(roots, 'good · us-east-1');
    assert.ok(rows.some((node) => contextValue(node).startsWith('resource.')), `file systems listed: ${rows.map(label).join(' | ')}`);
  });
});
