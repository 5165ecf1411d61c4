/**
 * When a check runs after changes: the first change after a quiet spell is checked at once (on
 * the next turn of the event loop, so that the notifications already received are taken
 * together), changes that come while a check runs are gathered into one more check, and checks
 * start at most once every `delayMs` after the last one ended. A writer who types steadily gets
 * fresh diagnostics a few times a second without the server checking each keystroke.
 */
export class CheckScheduler {
  private running = false;
  private pending = false;
  private timer: NodeJS.Timeout | undefined;
  private lastEnd = -Infinity;
  private closed = false;

  constructor(
    private readonly run: () => Promise<void>,
    private readonly options: { delayMs: number; onError(error: unknown): void },
  ) {}

  /** Something changed: check soon. */
  request(): void {
    if (this.closed) return;
    this.pending = true;
    if (this.running || this.timer) return;
    const wait = Math.max(0, this.lastEnd + this.options.delayMs - performance.now());
    this.timer = setTimeout(() => void this.fire(), wait);
  }

  /** Whether a check is running or waiting to. */
  get busy(): boolean {
    return this.running || this.timer !== undefined;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async fire(): Promise<void> {
    this.timer = undefined;
    this.pending = false;
    this.running = true;
    try {
      await this.run();
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.running = false;
      this.lastEnd = performance.now();
      if (this.pending) {
        this.pending = false;
        this.request();
      }
    }
  }
}
