// Completion reports written the way FSx writes them, for tests and the benchmark.
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
 * stream fed from a generator can run for seconds without yielding to timers.
 */
export function heapWatch() {
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  return {
    *watch<T>(source: Iterable<T>): Generator<T> {
      for (const chunk of source) {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        yield chunk;
      }
    },
    growthMiB: () => (peak - before) / 2 ** 20,
  };
}
