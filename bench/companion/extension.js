// Benchmark-only companion, built into test-results/ by bench/hostTimings.mjs, never shipped.
// 1. The baseline: one tree view, five static rows and a node whose 50 children come from
//    memory, the least a tree view extension can cost in this host.
// 2. The reader: "Bench: Report Activation Times" opens the workbench's Startup Performance
//    document and prints its Extension Activation Stats table as one JSON console line, which
//    the page relays to the benchmark.
const vscode = require('vscode');

const MARKER = 'FSX_BENCH_ACTIVATION ';
const ROWS = ['Baseline row 1', 'Baseline row 2', 'Baseline row 3', 'Baseline row 4', 'Baseline row 5'];
const PARENT = 'Baseline fifty';
const CHILDREN = Array.from({ length: 50 }, (_, i) => `Baseline child ${String(i + 1).padStart(2, '0')}`);

/** @type {vscode.TreeDataProvider<string>} */
const provider = {
  getTreeItem: (label) => new vscode.TreeItem(label, label === PARENT ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None),
  getChildren: (label) => (label === undefined ? [...ROWS, PARENT] : label === PARENT ? CHILDREN : []),
};

/** Rows of the "Extension Activation Stats" markdown table, by extension id. */
function activationStats(text) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^#+\s*Extension Activation Stats/.test(line));
  if (start < 0) {
    return undefined;
  }
  const table = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) {
      table.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
    } else if (table.length > 0) {
      break;
    }
  }
  const [header, ...rows] = table.filter((cells) => !cells.every((cell) => /^:?-+:?$/.test(cell)));
  if (!header) {
    return undefined;
  }
  const column = (name) => header.indexOf(name);
  const [id, load, call] = [column('Extension'), column('Load Code'), column('Call Activate')];
  return Object.fromEntries(rows.map((cells) => [cells[id], { codeLoadingMs: Number(cells[load]), activateCallMs: Number(cells[call]) }]));
}

async function reportActivation() {
  await vscode.commands.executeCommand('perfview.show');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const document = vscode.workspace.textDocuments.find((doc) => doc.uri.scheme === 'perf');
    const stats = document && activationStats(document.getText());
    if (stats && Object.keys(stats).length > 0) {
      console.log(MARKER + JSON.stringify({ stats }));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(MARKER + JSON.stringify({ error: 'no Extension Activation Stats', documents: vscode.workspace.textDocuments.map((doc) => doc.uri.toString()) }));
}

module.exports.activate = (context) => {
  context.subscriptions.push(vscode.window.registerTreeDataProvider('fsxBench.baseline', provider), vscode.commands.registerCommand('fsxBench.reportActivation', reportActivation));
};
