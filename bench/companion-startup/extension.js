// Benchmark-only, never shipped: activates on onStartupFinished like ours and does nothing.
// VS Code's Load Code timer for an extension activated then starts before an await and so also
// counts the code of the extensions activated in the same batch (bench/README.md); this one's
// figures, read in the same window loads as ours, are what that costs an extension of no code.
require('vscode');

module.exports.activate = () => {};
