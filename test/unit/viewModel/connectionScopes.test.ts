import * as assert from 'node:assert/strict';
import { addConnections, listedScope, removeConnection, replaceConnection } from '../../../src/viewModel/connectionScopes';

describe('connection scopes', () => {
  const user = [{ profile: 'mine', region: 'us-east-1' }, { profile: 'shared', region: 'eu-west-1' }];
  const workspace = [{ profile: 'team', region: 'us-west-2' }, 'not an entry', { profile: 'shared', region: 'eu-west-1' }];

  it('lists from the workspace when it sets the list, an empty one included; else from the user', () => {
    assert.equal(listedScope({ globalValue: user, workspaceValue: workspace }), 'workspace');
    assert.equal(listedScope({ globalValue: user, workspaceValue: [] }), 'workspace');
    assert.equal(listedScope({ globalValue: user }), 'global');
    assert.equal(listedScope({}), 'global');
  });

  it('removes a workspace entry from the workspace list only, keeping its other items as they were', () => {
    assert.deepEqual(removeConnection({ globalValue: user, workspaceValue: workspace }, { profile: 'shared', region: 'eu-west-1' }), {
      scope: 'workspace',
      value: [{ profile: 'team', region: 'us-west-2' }, 'not an entry'],
    });
    assert.deepEqual(removeConnection({ globalValue: user, workspaceValue: workspace }, { profile: 'team', region: 'us-west-2' })?.scope, 'workspace');
    // The last one leaves an empty workspace list, so the user's entries do not appear instead.
    assert.deepEqual(removeConnection({ globalValue: user, workspaceValue: [{ profile: 'team', region: 'us-west-2' }] }, { profile: 'team', region: 'us-west-2' }), { scope: 'workspace', value: [] });
  });

  it('removes a user entry from the user list; a connection not listed changes nothing', () => {
    assert.deepEqual(removeConnection({ globalValue: user }, { profile: 'mine', region: 'us-east-1' }), { scope: 'global', value: [user[1]] });
    // Hidden behind the workspace list: not what the window lists, so not removed from there.
    assert.equal(removeConnection({ globalValue: user, workspaceValue: workspace }, { profile: 'mine', region: 'us-east-1' }), undefined);
    assert.equal(removeConnection({ globalValue: 'us-east-1' }, { region: 'us-east-1' }), undefined);
    assert.equal(removeConnection({}, { region: 'us-east-1' }), undefined);
  });

  it('changes a region in place in the scope it is listed from, matching entries as the tree parses them', () => {
    const values = { globalValue: user, workspaceValue: [{ profile: ' team ', region: 'us-west-2 ' }, { profile: 'ops', region: 'ap-south-1' }] };
    assert.deepEqual(replaceConnection(values, { profile: 'team', region: 'us-west-2' }, { profile: 'team', region: 'eu-central-1' }), {
      scope: 'workspace',
      value: [{ profile: 'team', region: 'eu-central-1' }, { profile: 'ops', region: 'ap-south-1' }],
    });
    assert.deepEqual(replaceConnection({ globalValue: user }, user[0], { profile: 'mine', region: 'eu-west-1' }), {
      scope: 'global',
      value: [{ profile: 'mine', region: 'eu-west-1' }, user[1]],
    });
    // Changed into one already listed: no repeat.
    assert.deepEqual(replaceConnection({ globalValue: user }, user[0], { profile: 'shared', region: 'eu-west-1' }), { scope: 'global', value: [{ profile: 'shared', region: 'eu-west-1' }] });
    assert.equal(replaceConnection({ globalValue: user }, { region: 'us-east-1' }, { region: 'eu-west-1' }), undefined);
  });

  it("adds to the user's list only, never copying the workspace's, and says when the workspace list hides them", () => {
    const added = addConnections({ globalValue: user, workspaceValue: workspace }, [{ profile: 'team', region: 'us-west-2' }, { profile: 'mine', region: 'us-east-1' }, { profile: 'new', region: 'ca-central-1' }, { profile: 'new', region: 'ca-central-1' }]);
    assert.deepEqual(added.write, { scope: 'global', value: [...user, { profile: 'team', region: 'us-west-2' }, { profile: 'new', region: 'ca-central-1' }] });
    assert.equal(added.hidden, true);
    assert.deepEqual(addConnections({ globalValue: user }, [{ region: 'us-east-1' }]), { write: { scope: 'global', value: [...user, { region: 'us-east-1' }] }, added: [{ region: 'us-east-1' }], hidden: false });
    assert.deepEqual(addConnections({ globalValue: user }, [user[0]]), { write: undefined, added: [], hidden: false });
    assert.deepEqual(addConnections({}, [{ region: 'us-east-1' }]).write, { scope: 'global', value: [{ region: 'us-east-1' }] });
  });
});
