/** A store failure that names the database file and the operation that failed. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${message}`, options);
    this.name = 'StoreError';
  }
}
