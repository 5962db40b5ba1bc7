/**
 * Work done one item per turn of the event loop, so requests are served in between (the dashboard
 * analyses past weeks this way); asynchronous work is awaited before the next item. An error (e.g. a
 * store closed meanwhile) drops what is queued.
 */
export class BackgroundQueue {
  private readonly queued = new Set<string>();
  private running: Promise<void> | null = null;

  constructor(private readonly work: (item: string) => unknown) {}

  add(items: readonly string[]): void {
    for (const item of items) this.queued.add(item);
    this.running ??= this.drain();
  }

  /** Resolves when nothing is queued or running. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued.size > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        const item = this.queued.values().next().value as string;
        this.queued.delete(item);
        await this.work(item);
      }
    } catch {
      this.queued.clear();
    } finally {
      this.running = null;
    }
  }
}
