// The chat tools' contribution: every tool the logic has is contributed once, with what VS Code
// requires (name, displayName, modelDescription; a toolReferenceName when it can be referenced)
// and what makes it usable: a localized name, a `#` reference that reads well, an icon, and an
// input schema that closes the object and gives ids their patterns and lifecycles their enum.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIFECYCLES } from '../../../src/fsx/types';
import { CHAT_TOOL_NAMES } from '../../../src/viewModel/chatTools';

interface ToolContribution {
  name: string;
  displayName: string;
  modelDescription: string;
  toolReferenceName?: string;
  canBeReferencedInPrompt?: boolean;
  icon?: string;
  inputSchema?: { type: string; properties: Record<string, { type: string; pattern?: string; items?: { enum?: string[] } }>; additionalProperties?: boolean };
}

const root = join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { languageModelTools: ToolContribution[] } };
const tools = manifest.contributes.languageModelTools;

describe('chat tools in package.json', () => {
  it('contributes each tool the logic has, once, under the prefix VS Code allows', () => {
    assert.deepEqual(tools.map((tool) => tool.name).sort(), [...CHAT_TOOL_NAMES].sort());
    for (const tool of tools) {
      assert.match(tool.name, /^(?!copilot_|vscode_)[\w-]+$/);
    }
  });

  it('gives each a localized name, a # reference, an icon and a description for the model', () => {
    const references = new Set<string>();
    for (const tool of tools) {
      assert.match(tool.displayName, /^%tool\.\w+\.displayName%$/, tool.name);
      assert.equal(tool.canBeReferencedInPrompt, true, tool.name);
      assert.match(tool.toolReferenceName ?? '', /^fsx[A-Z]\w+$/, tool.name);
      references.add(tool.toolReferenceName ?? '');
      assert.match(tool.icon ?? '', /^\$\([a-z-]+\)$/, tool.name);
      assert.ok(tool.modelDescription.length > 100, tool.name);
    }
    assert.equal(references.size, tools.length, 'each reference once');
  });

  it('closes every input schema and constrains ids and lifecycles as the tools check them', () => {
    for (const tool of tools) {
      assert.equal(tool.inputSchema?.type, 'object', tool.name);
      assert.equal(tool.inputSchema?.additionalProperties, false, tool.name);
      const properties = tool.inputSchema?.properties ?? {};
      if (properties.taskId) {
        assert.equal(properties.taskId.pattern, '^task-[0-9a-f]{17,123}$', tool.name);
      }
      if (properties.fileSystemId) {
        assert.ok(['^(fs|fc)-[0-9a-f]{8,}$', '^fs-[0-9a-f]{8,}$'].includes(properties.fileSystemId.pattern ?? ''), tool.name);
      }
      if (properties.lifecycles) {
        assert.deepEqual(properties.lifecycles.items?.enum, [...LIFECYCLES], tool.name);
      }
    }
  });
});
