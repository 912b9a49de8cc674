// The guided start of a data repository task, as a table of steps: paths -> [release: days ->
// what it would free, when the paths are mounted here] -> report -> [report elsewhere: its path] -> confirm. vscode-free: each step is handed to an
// injected `ask` (quick picks and input boxes in the extension, a script in tests), which answers
// a value, BACK, or undefined when dismissed. Answers are kept, so Back shows the previous answer
// again. The ClientRequestToken is made once, when the person confirms, and travels in the
// returned input: retrying that input never starts a second task. What the steps say is in
// startTaskWords.ts; what each task type is called, in startableTasks.ts.
import { L10n } from '../fsx/l10n';
import { CreateTaskInput } from '../fsx/types';
import {
  buildCreateTaskInput,
  Checked,
  checkReportPath,
  defaultReport,
  newClientRequestToken,
  parseDays,
  reportRoots,
  resolveTaskPaths,
  ResolvedPaths,
  splitPathList,
  StartableTaskType,
  StartTarget,
  targetRefusal,
  TaskChoices,
} from '../fsx/taskRequest';
import { startableTask } from './startableTasks';
import { daysWords, describeTaskRequest, flowTitle, pathsWords, PickItem, ReportChoice, reportPathWords, reportWords, TextWords } from './startTaskWords';
import { Answer, BACK } from './stepBack';

export { BACK, type Answer, type Back } from './stepBack';
// The pick step's item and the report step's values belong to the flow's steps too.
export type { PickItem, ReportChoice } from './startTaskWords';

export type StepId = 'paths' | 'days' | 'preview' | 'report' | 'reportPath' | 'confirm';

/** What every step of a guided flow has; `Id` names the step (the association flows reuse these). */
interface StepBase<Id extends string = StepId> {
  readonly id: Id;
  readonly title: string;
  /** 1-based, for the QuickInput's step / totalSteps. */
  readonly step: number;
  readonly totalSteps: number;
  /** False on the first step: show no Back button there. */
  readonly canGoBack: boolean;
}

export interface TextStep<Id extends string = 'paths' | 'days' | 'reportPath'> extends StepBase<Id> {
  readonly kind: 'text';
  readonly prompt: string;
  readonly placeholder: string;
  /** Prefilled: the previous answer. */
  readonly value: string;
  /** A message when the text is not acceptable (for an input box's live validation). */
  validate(value: string): string | undefined;
}

export interface PickStep<T, Id extends string = 'report'> extends StepBase<Id> {
  readonly kind: 'pick';
  readonly placeholder: string;
  readonly items: readonly PickItem<T>[];
  /** The item to preselect. */
  readonly active: T;
}

export interface ConfirmStep<Id extends string = 'confirm'> extends StepBase<Id> {
  readonly kind: 'confirm';
  /** The question, one line. */
  readonly message: string;
  /** What will happen, one line each. */
  readonly details: readonly string[];
  /** The button that starts the task. */
  readonly confirmLabel: string;
  /** The button that copies the request as an AWS CLI command (StartTaskFlowOptions.copyCommand), if offered. */
  readonly copyLabel?: string;
}

/** The confirmation's answers: start, or copy the command and ask again. */
export type ConfirmChoice = true | 'copy';

/** Asks the steps of a guided flow (this one and the association flows). */
export interface StartTaskAsk {
  text(step: TextStep<string>): Promise<Answer<string>>;
  pick<T>(step: PickStep<T, string>): Promise<Answer<T>>;
  /** true when the person chose confirmLabel, 'copy' for copyLabel. */
  confirm(step: ConfirmStep<string>): Promise<Answer<ConfirmChoice>>;
}

export type StartTaskFlowResult =
  | { readonly kind: 'confirmed'; readonly input: CreateTaskInput; readonly summary: readonly string[] }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'refused'; readonly reason: string };

export interface StartTaskFlowOptions {
  /** Makes the idempotency token (tests pass a fixed one). */
  readonly newToken?: () => string;
  /** Paths to prefill the first step with (a folder picked elsewhere); the person can still change them. */
  readonly paths?: readonly string[];
  /** Answers to start from (Duplicate Task: another task's); each step still asks, showing them. */
  readonly prefill?: StartTaskPrefill;
  /** Offered on the confirmation: copies the request as it would be sent (the CLI command); the confirmation is asked again. */
  readonly copyCommand?: (input: CreateTaskInput) => Promise<void>;
  /**
   * A release's step after the days: shows what the paths would free (views/releasePreviewView.ts)
   * and answers 'continue', 'changeDays' (back to the days step), or undefined (dismissed).
   */
  readonly previewRelease?: (request: ReleasePreviewRequest) => Promise<'continue' | 'changeDays' | undefined>;
}

/** What the release preview is asked about: the task's paths (relative to the file system's root) and days. */
export interface ReleasePreviewRequest {
  readonly paths: readonly string[];
  readonly days: number;
}

/** The flow's answers, given ahead (see StartTaskFlowOptions.prefill). */
export interface StartTaskPrefill {
  readonly paths?: readonly string[];
  readonly daysSinceLastAccess?: number;
  /** A report path, or none; undefined keeps the type's default choice. */
  readonly report?: { readonly path: string } | 'none';
}

/** Runs the steps until the person confirms, dismisses a step, or the target cannot have the task. */
export async function runStartTaskFlow(target: StartTarget, type: StartableTaskType, ask: StartTaskAsk, l10n: L10n, options: StartTaskFlowOptions = {}): Promise<StartTaskFlowResult> {
  const refusal = targetRefusal(target, type, l10n);
  if (refusal) {
    return { kind: 'refused', reason: refusal };
  }
  const canReport = reportRoots(target).length > 0;
  const state = initialState(target, type, canReport, options, l10n);
  const title = flowTitle(type, target, l10n);
  const newToken = options.newToken ?? newClientRequestToken;
  let index = 0;
  for (;;) {
    const flow: Flow = {
      target,
      type,
      l10n,
      canReport,
      state,
      ...reportDefault(target, type, state.pathsText, l10n),
      newToken,
      copyCommand: options.copyCommand,
      previewRelease: options.previewRelease,
    };
    // Which steps are asked depends on the answers so far ("elsewhere" adds the report path).
    const steps = STEPS.filter((step) => step.asked(flow));
    const step = steps[index];
    if (step === undefined) {
      return { kind: 'cancelled' };
    }
    const move = await step.run(flow, { title, step: index + 1, totalSteps: steps.length, canGoBack: index > 0 }, ask);
    switch (move) {
      case 'again':
        continue;
      case 'dismissed':
        return { kind: 'cancelled' };
      case 'back':
        // Back on the first step stays there (it shows no Back button).
        index = Math.max(0, index - 1);
        continue;
      case 'next':
        index += 1;
        continue;
      default:
        return move;
    }
  }
}

/** The answers the steps start from: the type's defaults, paths handed over, or a task's (prefill). */
function initialState(target: StartTarget, type: StartableTaskType, canReport: boolean, options: StartTaskFlowOptions, l10n: L10n): FlowState {
  const prefill = options.prefill;
  const pathsText = (prefill?.paths ?? options.paths ?? []).join(', ');
  const days = prefill?.daysSinceLastAccess;
  const state: FlowState = {
    pathsText,
    daysText: type === 'RELEASE_DATA_FROM_FILESYSTEM' && days !== undefined ? String(days) : '',
    report: canReport && startableTask(type).reportOnByDefault ? 'default' : 'none',
    reportPathText: '',
  };
  const report = prefill?.report;
  if (!canReport || report === undefined) {
    return state;
  }
  if (report === 'none') {
    return { ...state, report: 'none' };
  }
  // The task's report path: the default choice when it is where these paths report by default.
  const path = report.path.replace(/\/+$/, '');
  return path === reportDefault(target, type, pathsText, l10n).reportPath ? { ...state, report: 'default' } : { ...state, report: 'elsewhere', reportPathText: path };
}

interface FlowState {
  pathsText: string;
  daysText: string;
  report: ReportChoice;
  /** The report path typed in the "elsewhere" step; empty until then. */
  reportPathText: string;
}

/** What a step reads: the target and type, the answers so far, and the report path they lead to. */
interface Flow {
  readonly target: StartTarget;
  readonly type: StartableTaskType;
  readonly l10n: L10n;
  /** The resource has an S3 repository to write a report to. */
  readonly canReport: boolean;
  readonly state: FlowState;
  /** Where the report goes by default (taskRequest.ts, defaultReport), while the paths resolve. */
  readonly reportPath: string | undefined;
  /** Where that path is linked in the file system, said in the report step when there is a choice. */
  readonly reportFrom: string | undefined;
  readonly newToken: () => string;
  readonly copyCommand?: (input: CreateTaskInput) => Promise<void>;
  readonly previewRelease?: StartTaskFlowOptions['previewRelease'];
}

export type Position = Pick<StepBase, 'title' | 'step' | 'totalSteps' | 'canGoBack'>;

/** After a step: on to the next, back, ask the same again, dismissed, or the confirmed task. */
type Move = 'next' | 'back' | 'again' | 'dismissed' | Extract<StartTaskFlowResult, { kind: 'confirmed' }>;

interface FlowStep {
  readonly id: StepId;
  /** Whether the flow asks this step, given the answers so far. */
  asked(flow: Flow): boolean;
  /** Asks it and keeps the answer in the state. */
  run(flow: Flow, position: Position, ask: StartTaskAsk): Promise<Move>;
}

function moveOf(answer: Answer<unknown>): Move {
  return answer === undefined ? 'dismissed' : answer === BACK ? 'back' : 'next';
}

/** A step answered with text, kept in `field`; only text that `error` accepts moves on. */
function textStep(spec: {
  readonly id: TextStep['id'];
  readonly field: 'pathsText' | 'daysText' | 'reportPathText';
  asked(flow: Flow): boolean;
  words(flow: Flow): TextWords;
  error(flow: Flow, text: string): string | undefined;
  /** Prefilled: the previous answer, unless this says otherwise. */
  value?(flow: Flow): string;
}): FlowStep {
  return {
    id: spec.id,
    asked: spec.asked,
    async run(flow, position, ask) {
      const validate = (text: string) => spec.error(flow, text);
      const value = spec.value?.(flow) ?? flow.state[spec.field];
      const answer = await ask.text({ ...position, kind: 'text', id: spec.id, ...spec.words(flow), value, validate });
      if (typeof answer === 'string') {
        if (validate(answer) !== undefined) {
          // The input box let an invalid answer through: ask again.
          return 'again';
        }
        flow.state[spec.field] = answer;
      }
      return moveOf(answer);
    },
  };
}

/** The flow's steps, in order; each one asked while `asked` says so. */
const STEPS: readonly FlowStep[] = [
  textStep({
    id: 'paths',
    field: 'pathsText',
    asked: () => true,
    words: ({ target, type, l10n }) => pathsWords(target, type, l10n),
    error: ({ target, type, l10n }, text) => failure(resolveTaskPaths(target, type, splitPathList(text), l10n)),
  }),
  textStep({
    id: 'days',
    field: 'daysText',
    asked: ({ type }) => type === 'RELEASE_DATA_FROM_FILESYSTEM',
    words: ({ l10n }) => daysWords(l10n),
    error: ({ l10n }, text) => failure(parseDays(text, l10n)),
  }),
  {
    id: 'preview',
    asked: ({ type, previewRelease }) => type === 'RELEASE_DATA_FROM_FILESYSTEM' && previewRelease !== undefined,
    async run(flow) {
      const { choices } = choicesOf(flow);
      const choice = await flow.previewRelease?.({ paths: choices.paths, days: choices.daysSinceLastAccess ?? 0 });
      return choice === 'continue' ? 'next' : choice === 'changeDays' ? 'back' : 'dismissed';
    },
  },
  {
    id: 'report',
    asked: ({ canReport }) => canReport,
    async run(flow, position, ask) {
      const { target, state, l10n } = flow;
      const own = state.reportPathText !== '' ? checkReportPath(target, state.reportPathText, l10n) : undefined;
      const words = reportWords({ defaultPath: flow.reportPath ?? '', defaultFrom: flow.reportFrom, ownPath: own?.ok ? own.value : undefined, roots: reportRoots(target) }, l10n);
      const answer = await ask.pick<ReportChoice>({ ...position, kind: 'pick', id: 'report', ...words, active: state.report });
      if (answer === 'default' || answer === 'elsewhere' || answer === 'none') {
        state.report = answer;
      }
      return moveOf(answer);
    },
  },
  textStep({
    id: 'reportPath',
    field: 'reportPathText',
    asked: ({ canReport, state }) => canReport && state.report === 'elsewhere',
    words: ({ target, reportPath, l10n }) => reportPathWords(reportPath ?? '', reportRoots(target), l10n),
    error: ({ target, l10n }, text) => failure(checkReportPath(target, text, l10n)),
    // Starts as the default, one edit away.
    value: ({ state, reportPath }) => (state.reportPathText === '' ? (reportPath ?? '') : state.reportPathText),
  }),
  {
    id: 'confirm',
    asked: () => true,
    async run(flow, position, ask) {
      const { target, type, l10n } = flow;
      const { choices, resolved } = choicesOf(flow);
      const summary = describeTaskRequest(target, choices, resolved, l10n);
      const copyLabel = flow.copyCommand ? l10n.t('Copy as AWS CLI Command') : undefined;
      const answer = await ask.confirm({ ...position, kind: 'confirm', id: 'confirm', message: summary[0], details: summary.slice(1), confirmLabel: startableTask(type).confirmLabel(l10n), copyLabel });
      if (answer === 'copy' && flow.copyCommand) {
        // The command carries no token of ours: the CLI makes its own.
        await flow.copyCommand(buildCreateTaskInput(target, choices, ''));
        return 'again';
      }
      return answer === true ? { kind: 'confirmed', input: buildCreateTaskInput(target, choices, flow.newToken()), summary } : moveOf(answer);
    },
  },
];

/** A check's message, or undefined when it passed. */
function failure(checked: Checked<unknown>): string | undefined {
  return checked.ok ? undefined : checked.message;
}

/** Where the report goes by default for the paths given so far (none reached while they do not resolve). */
function reportDefault(target: StartTarget, type: StartableTaskType, pathsText: string, l10n: L10n): Pick<Flow, 'reportPath' | 'reportFrom'> {
  const resolved = resolveTaskPaths(target, type, splitPathList(pathsText), l10n);
  const chosen = defaultReport(target, resolved.ok ? resolved.value.repositories : []);
  return { reportPath: chosen?.path, reportFrom: chosen?.repository.fileSystemPath };
}

function choicesOf({ target, type, state, reportPath, l10n }: Flow): { choices: TaskChoices; resolved: ResolvedPaths } {
  const resolved = resolveTaskPaths(target, type, splitPathList(state.pathsText), l10n);
  const days = parseDays(state.daysText, l10n);
  if (!resolved.ok) {
    // The paths step accepts only paths that resolve.
    throw new Error(resolved.message);
  }
  return {
    resolved: resolved.value,
    choices: {
      type,
      paths: resolved.value.paths,
      daysSinceLastAccess: type === 'RELEASE_DATA_FROM_FILESYSTEM' && days.ok ? days.value : undefined,
      reportPath: chosenReportPath(target, state, reportPath, l10n),
    },
  };
}

function chosenReportPath(target: StartTarget, state: Readonly<FlowState>, reportPath: string | undefined, l10n: L10n): string | undefined {
  if (state.report === 'none') {
    return undefined;
  }
  // The report path step accepts only a path that checks; the default when it was never asked.
  const own = state.report === 'elsewhere' ? checkReportPath(target, state.reportPathText, l10n) : undefined;
  return own?.ok ? own.value : reportPath;
}
