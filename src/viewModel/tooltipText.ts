// The Markdown of the explorer's hovers (tasks, file systems and caches, associations), for a
// MarkdownString with theme icons and nothing else: not trusted (no command links), no HTML.
// Every string from FSx (ids, paths, the `Name` tag, states, failure messages) and the mount
// table goes through markdownText or markdownCode, so none renders as a link, an image, an icon
// or emphasis. vscode-free: words through the injected L10n, rendered by markdown-it in tests.
import { L10n } from '../fsx/l10n';
import { markdownCode, markdownText } from '../fsx/outsideText';
import { Association, StorageResource, Task } from '../fsx/types';
import { throughputText, ThroughputEstimate } from '../outcomes/throughput';
import { createAssociationText } from './associationText';
import { createTaskText } from './presentation';

/** Our own sentences are not capped like outside text: a translation may be long. */
const OWN_TEXT_MAX = 2000;

/** A hover line "Label: value" with the value as a code span; a Markdown line break after it. */
const fact = (label: string, value: string) => `${markdownText(label, OWN_TEXT_MAX)}: ${markdownCode(value)}  \n`;

/** A task's hover: type, state, id, progress, times, paths and the failure message. */
export function taskTooltipMarkdown(task: Task, now: number, l10n: L10n, estimate?: ThroughputEstimate): string {
  const taskText = createTaskText(l10n);
  const look = taskText.lifecycleLook(task.lifecycle);
  // The icon is one of ours (an unknown lifecycle gets `question`); `~spin` does not turn in a hover.
  let markdown = `$(${look.icon.replace('~spin', '')}) **${markdownText(taskText.typeLabel(task.type))}** · ${markdownText(look.label)}\n\n`;
  const rows: [string, string | undefined][] = [
    [l10n.t('Task ID'), task.taskId],
    [task.resource.kind === 'fileCache' ? l10n.t('File Cache') : l10n.t('File system'), task.resource.id],
    [l10n.t('Progress'), taskText.progress(task)],
    [l10n.t('Throughput'), estimate && throughputText(estimate, l10n, taskText.duration)],
    [l10n.t('Created'), task.creationTime.toLocaleString()],
    [l10n.t('Started'), task.startTime?.toLocaleString()],
    [l10n.t('Ended'), task.endTime?.toLocaleString()],
    [l10n.t('Running for'), task.startTime && !task.endTime ? taskText.duration(now - task.startTime.getTime()) : undefined],
    [l10n.t('Paths'), task.paths.length > 0 ? task.paths.slice(0, 5).join(', ') + (task.paths.length > 5 ? ` (+${task.paths.length - 5})` : '') : undefined],
  ];
  for (const [label, value] of rows) {
    if (value) {
      markdown += `${markdownText(label, OWN_TEXT_MAX)}: ${markdownText(value)}  \n`;
    }
  }
  if (task.failureMessage) {
    markdown += `\n$(error) ${markdownText(task.failureMessage)}`;
  }
  return markdown;
}

/** A file system's or cache's hover: its name, facts and where it is mounted here. */
export function resourceTooltipMarkdown(resource: StorageResource, mountPoints: readonly string[], l10n: L10n): string {
  const isCache = resource.kind === 'fileCache';
  let markdown = `**${markdownText(resource.name ?? resource.id)}**\n\n`;
  for (const [label, value] of [
    [l10n.t('ID'), resource.id],
    [l10n.t('Type'), isCache ? l10n.t('Amazon File Cache') : l10n.t('FSx for Lustre')],
    [l10n.t('State'), resource.lifecycle],
    [l10n.t('Deployment'), resource.deploymentType],
    [l10n.t('Storage'), resource.storageCapacityGiB !== undefined ? `${resource.storageCapacityGiB} GiB` : undefined],
    [l10n.t('DNS name'), resource.dnsName],
  ] as const) {
    if (value) {
      markdown += fact(label, value);
    }
  }
  for (const mountPoint of mountPoints) {
    markdown += `${l10n.t('mounted at {0}', markdownCode(mountPoint))}  \n`;
  }
  return markdown;
}

/** An association's hover: file system path ↔ repository, its facts, and any problem with its next step. */
export function associationTooltipMarkdown(association: Association, l10n: L10n): string {
  const associationText = createAssociationText(l10n);
  let markdown = `**${markdownText(association.fileSystemPath)} ↔ ${markdownText(association.dataRepositoryPath)}**\n\n`;
  for (const [label, value] of associationText.facts(association)) {
    markdown += fact(label, value);
  }
  const problem = associationText.problem(association);
  if (problem) {
    markdown += `\n${markdownText(problem.message)}\n\n${markdownText(problem.nextStep, OWN_TEXT_MAX)}`;
  }
  return markdown;
}
