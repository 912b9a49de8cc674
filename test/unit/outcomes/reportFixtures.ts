// Completion reports written the way FSx writes them, for tests and the benchmark.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { encodeReportField } from '../../../src/emulator/s3/reports';

/** One line as FSx writes it, with the emulator's encoding (the one that writes real-looking reports). */
export function reportLine(filePath: string, errorCode: string, fileStatus = 'failed'): string {
  return `${[filePath, fileStatus, errorCode].map(encodeReportField).join(',')}\n`;
}

/** `rows` generated rows in chunks of 1,000 lines, never the whole report in memory. */
export function* generatedReport(rows: number, codeOf: (i: number) => string = (i) => (i % 3 === 0 ? 'FileSizeTooLarge' : 'S3Error')): Generator<string> {
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(reportLine(`dir${i % 100}/sub/file-${i}.dat`, codeOf(i)));
    if (batch.length === 1000) {
      yield batch.join('');
      batch = [];
    }
  }
  if (batch.length) {
    yield batch.join('');
  }
}

/**
 * Heap use read each time the parser pulls a chunk (1,000 rows): a timer would not do, as a
 * stream fed from a generator can run for seconds without yielding to timers. `growthMiB` is the
 * peak with garbage (it depends on when the collector runs, so on the machine's load);
 * `retainedMiB` is read after a full collection every 100 chunks: what the reader holds.
 */
export function heapWatch() {
  const collect = fullCollection();
  collect();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let retainedPeak = before;
  return {
    *watch<T>(source: Iterable<T>): Generator<T> {
      let chunks = 0;
      for (const chunk of source) {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        if (++chunks % 100 === 0) {
          collect();
          retainedPeak = Math.max(retainedPeak, process.memoryUsage().heapUsed);
        }
        yield chunk;
      }
    },
    growthMiB: () => (peak - before) / 2 ** 20,
    retainedMiB: () => (retainedPeak - before) / 2 ** 20,
  };
}

/** V8's full collection, exposed for this process even when node was started without --expose-gc. */
export function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
