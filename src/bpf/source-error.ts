/** A user's mistake in a text the tool read, located by file, line and column (1-based). */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
    readonly file: string = '<input>',
  ) {
    super(message);
    this.name = 'SourceError';
  }

  /** `file:line:col: message`, the one line the CLI prints. */
  format(): string {
    return `${this.file}:${this.line}:${this.col}: ${this.message}`;
  }

  withFile(file: string): SourceError {
    return new SourceError(this.message, this.line, this.col, file);
  }
}
