/**
 * Connecting the real-account bot, for operators: bounded attempts with a doubling delay, one line
 * per distinct puppet error (repeats counted, not reprinted), a plain explanation when it gives up,
 * and a clean stop on SIGINT/SIGTERM at any moment — before, during or after connecting.
 *
 * Observed with wechaty-puppet-wechat4u and no network (issue 15): 158 identical warnings a minute,
 * no QR code, no explanation, no end, and Ctrl-C ending in an uncaught TypeError from the half-started
 * puppet. An attempt counts as connected once the puppet shows a login QR code or logs in (a session
 * restored from the memory card); waiting for the operator to scan has no time limit.
 */
import type { Wechaty } from 'wechaty';
import type { LiveBotText } from './live-bot-text.js';

export interface ConnectSettings {
  attempts: number;
  timeoutMs: number;
  /** Before the second attempt; doubled for each further one. */
  retryDelayMs: number;
}

/** Resolves on the first SIGINT or SIGTERM; a second one ends the process at once. */
export interface StopSignal {
  readonly requested: boolean;
  readonly promise: Promise<void>;
  dispose(): void;
}

export function createStopSignal(): StopSignal {
  let requested = false;
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (requested) process.exit(signal === 'SIGINT' ? 130 : 143);
    requested = true;
    resolve();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    get requested() {
      return requested;
    },
    promise,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * Prints each distinct error once; repeats are counted and reported by `flush` as one line per
 * message. Remembers at most `limit` distinct messages (a puppet that puts a counter in every
 * message cannot grow it without bound; beyond the limit messages are only counted).
 */
export function createRepeatFilter(say: (line: string) => void, text: LiveBotText, limit = 100) {
  const repeats = new Map<string, number>();
  let dropped = 0;
  let last: string | undefined;
  return {
    /** The latest error reported since `takeLast` was last called. */
    takeLast(): string | undefined {
      const message = last;
      last = undefined;
      return message;
    },
    report(message: string): void {
      last = message;
      const seen = repeats.get(message);
      if (seen !== undefined) repeats.set(message, seen + 1);
      else if (repeats.size >= limit) dropped++;
      else {
        repeats.set(message, 0);
        say(text.puppetError(message));
      }
    },
    /** Reports the repeats counted so far (and forgets the counts, not the messages). */
    flush(): void {
      for (const [message, n] of repeats) {
        if (n > 0) say(`${text.puppetError(message)} ${text.repeated(n)}`);
        repeats.set(message, 0);
      }
      if (dropped > 0) say(text.repeated(dropped));
      dropped = 0;
    },
  };
}

export type RepeatFilter = ReturnType<typeof createRepeatFilter>;

/** A timer that can be cleared, so that a race it lost does not keep the process alive. */
function timer(ms: number): { done: Promise<void>; clear: () => void } {
  let handle: NodeJS.Timeout | undefined;
  const done = new Promise<void>((r) => {
    handle = setTimeout(r, ms);
  });
  return { done, clear: () => clearTimeout(handle) };
}

const sleep = (ms: number) => timer(ms).done;

/** The first line of an error's message, whatever was thrown. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || String(error);
}

/**
 * Makes `handler` the only listener of a process event until the returned function restores the
 * others. The CLI's own last-resort listeners (src/cli/main.ts) end the process as a bug on any
 * uncaught error; while a puppet is being stopped or run, its own failures are reported instead.
 */
export function takeOver(
  event: 'uncaughtException' | 'unhandledRejection',
  handler: (error: unknown) => void,
): () => void {
  // One signature for both events: each listener takes the error (or rejection reason) first.
  const emitter = process as unknown as NodeJS.EventEmitter;
  const others = emitter.listeners(event) as ((error: unknown) => void)[];
  emitter.removeAllListeners(event);
  emitter.on(event, handler);
  return () => {
    emitter.off(event, handler);
    for (const listener of others) emitter.on(event, listener);
  };
}

/**
 * Stops a bot that may be half started. Puppets throw from their own timers while stopping (the
 * `reading 'start'` TypeError of issue 15): for the few seconds of the stop, uncaught errors are
 * reported through the filter instead of ending the process with a trace.
 */
export async function stopQuietly(bot: Wechaty, filter: RepeatFilter, graceMs = 5000): Promise<void> {
  const swallow = (error: unknown) => filter.report(oneLine(error));
  const restore = takeOver('uncaughtException', swallow);
  try {
    const grace = timer(graceMs);
    await Promise.race([bot.stop().catch(swallow), grace.done]);
    grace.clear();
    await sleep(100);
  } finally {
    restore();
  }
}

export interface ConnectOptions {
  puppetName: string;
  settings: ConnectSettings;
  text: LiveBotText;
  say: (line: string) => void;
  filter: RepeatFilter;
  stop: StopSignal;
  /** A fresh bot for each attempt, with its plugins and its 'error' handler installed, not started. */
  build: () => Promise<Wechaty>;
}

/**
 * Returns the connected bot, or null when stopped by a signal or after the last attempt (then the
 * explanation has been said and `gaveUp` is true).
 */
export async function connectLiveBot(o: ConnectOptions): Promise<{ bot: Wechaty | null; gaveUp: boolean }> {
  const { settings, text, say, filter, stop } = o;
  let delay = settings.retryDelayMs;
  let reason = '';
  for (let attempt = 1; attempt <= settings.attempts; attempt++) {
    say(text.connecting(o.puppetName, attempt, settings.attempts));
    filter.takeLast();
    const bot = await o.build();
    const ready = new Promise<'ready'>((resolve) => {
      bot.once('scan', () => resolve('ready'));
      bot.once('login', () => resolve('ready'));
    });
    const started = bot.start().then(
      () => new Promise<never>(() => {}), // started: now wait for the QR code or the login
      (error: unknown) => ({ failed: oneLine(error) }),
    );
    const limit = timer(settings.timeoutMs);
    const outcome = await Promise.race([
      ready,
      started,
      limit.done.then(() => 'timeout' as const),
      stop.promise.then(() => 'stop' as const),
    ]);
    limit.clear();
    if (outcome === 'ready') return { bot, gaveUp: false };
    const lastError = filter.takeLast();
    await stopQuietly(bot, filter);
    filter.flush();
    if (outcome === 'stop' || stop.requested) return { bot: null, gaveUp: false };
    reason =
      outcome === 'timeout' ? text.timeout(Math.round(settings.timeoutMs / 1000), lastError) : outcome.failed;
    if (attempt < settings.attempts) {
      say(text.retry(attempt, reason, Math.round(delay / 1000)));
      const wait = timer(delay);
      await Promise.race([wait.done, stop.promise]);
      wait.clear();
      if (stop.requested) return { bot: null, gaveUp: false };
      delay *= 2;
    }
  }
  say(text.gaveUp(o.puppetName, settings.attempts, reason));
  return { bot: null, gaveUp: true };
}
