// Renders the start-task flow's steps (viewModel/startTaskFlow.ts) with the Prompts seam: text steps
// as input boxes, picks as quick picks, both with a Back button, and the confirmation as a modal
// dialog that restates the request, with Copy as AWS CLI Command (when offered) and Back.
import * as vscode from 'vscode';
import type { ConfirmChoice, ConfirmStep, PickStep, StartTaskAsk, TextStep } from '../viewModel/startTaskFlow';
import { Answer, BACK } from '../viewModel/stepBack';
import { Prompts } from './prompts';

interface ValueItem<T> extends vscode.QuickPickItem {
  readonly value: T;
}

export function startTaskAsk(prompts: Prompts): StartTaskAsk {
  return {
    text: (step: TextStep<string>) => prompts.inputStep(step),
    async pick<T>(step: PickStep<T, string>): Promise<Answer<T>> {
      const items: ValueItem<T>[] = step.items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, value: item.value }));
      const picked = await prompts.pickStep(items, { ...step, active: items.find((item) => item.value === step.active) });
      return picked === BACK || picked === undefined ? picked : picked.value;
    },
    async confirm(step: ConfirmStep<string>): Promise<Answer<ConfirmChoice>> {
      const back = vscode.l10n.t('Back');
      const buttons = [step.confirmLabel, ...(step.copyLabel ? [step.copyLabel] : []), ...(step.canGoBack ? [back] : [])];
      const choice = await prompts.modal(step.message, step.details.join('\n'), ...buttons);
      return choice === step.confirmLabel ? true : choice !== undefined && choice === step.copyLabel ? 'copy' : choice === back ? BACK : undefined;
    },
  };
}
