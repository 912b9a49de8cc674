import * as vscode from 'vscode';
import { createTaskText } from '../viewModel/presentation';

/** Task words in the user's display language (vscode.l10n), for every view and command. */
export const taskText = createTaskText(vscode.l10n);
