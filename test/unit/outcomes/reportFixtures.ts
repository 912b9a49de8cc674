// Completion reports written the way FSx writes them, for tests and the benchmark.

/** One field as FSx encodes it: @ + - = paths wrapped in quotes, then RFC 4180 quoting. */
export function encodeReportField(value: string, isPath = false): string {
  const wrapped = isPath && /^[@+\-=]/.test(value) ? `"${value}"` : value;
  return /[",\r\n]/.test(wrapped) ? `"${wrapped.replace(/"/g, '""')}"` : wrapped;
}

export function reportLine(filePath: string, errorCode: string, fileStatus = 'failed'): string {
  return `${encodeReportField(filePath, true)},${encodeReportField(fileStatus)},${encodeReportField(errorCode)}\n`;
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
