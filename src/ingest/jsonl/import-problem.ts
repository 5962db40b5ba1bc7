/**
 * One rejected line (or unreadable file) of a JSON Lines import. `toString()` gives the
 * `FILE:LINE: field: problem` form users see; `field` is a dotted path into the record
 * (`time`, `file.size`, `mentionIds.1`), `line` for the line as a whole, `file` for the file.
 * `line` is 0 when the file could not be opened; the line part is then left out.
 */
export class ImportProblem {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly problem: string,
  ) {}

  toString(): string {
    const where = this.line > 0 ? `${this.file}:${this.line}` : this.file;
    return `${where}: ${this.field}: ${this.problem}`;
  }
}
