import type { Config } from '../config/schema.js';
import { errorText, type Logger, STORED_ERROR_CHARS, silentLogger } from '../logging/logger.js';
import type { WeekChartSpec } from '../model/week-chart.js';
import { renderWeekChart } from '../render/render-week-chart.js';
import type {
  EnqueueOutcome,
  Outbox,
  OutboxItem,
  OutboxRow,
  OutgoingContent,
  SendableContent,
} from '../store/outbox.js';
import { ChannelBlockedError, type ChannelName, type ChannelSender, RateLimitedError } from './channel.js';
import type { Clock } from './clock.js';
import { retryDelay } from './retry-delay.js';
import { SendThrottle } from './send-throttle.js';
import {
  RecipientUnavailableError,
  type Sender,
  SenderOfflineError,
  type UnavailableReason,
} from './sender.js';

export interface UndeliverableReport {
  recipientId: string;
  channel: ChannelName;
  reason: UnavailableReason;
  /** Every message to the recipient that was given up (the one tried and those queued behind it). */
  rows: OutboxRow[];
}

export interface SendQueueOptions {
  outbox: Outbox;
  /** The WeChat account (rows on the 'wechat' channel). */
  sender: Sender;
  /**
   * Senders of the other channels. A row on a channel without one stays queued (another process,
   * or a later run with the channel configured, sends it).
   */
  channels?: Partial<Record<Exclude<ChannelName, 'wechat'>, ChannelSender>>;
  /** Draws a week chart kept as a spec (default: render/render-week-chart.ts); tests may count calls. */
  drawChart?: (chart: WeekChartSpec) => Buffer;
  /** A recipient's address on a channel (email, WeCom user id), looked up at send time. */
  addressOf?: (recipientId: string, channel: ChannelName) => string | undefined;
  /** A channel hit an error no retry fixes: called once per channel; its rows stay queued. */
  onChannelBlocked?: (error: ChannelBlockedError) => void;
  clock: Clock;
  settings: Config['deliver'];
  /** Source of the jitter, in [0, 1). */
  random?: () => number;
  log?: Logger;
  /** A recipient could not be reached; called once per recipient each time it happens. */
  onUndeliverable?: (report: UndeliverableReport) => void;
  /** A message used up its attempts. */
  onFailed?: (row: OutboxRow) => void;
  /** At startup: messages interrupted mid-send that will not be resent (they may have arrived). */
  onUnconfirmed?: (rows: OutboxRow[]) => void;
}

export interface DrainResult {
  sent: number;
  /** Attempts that failed and were rescheduled. */
  retried: number;
  failed: number;
  undeliverable: number;
  /** Messages still queued when the drain ended (not yet due, or waiting for a retry). */
  remaining: number;
  /** The WeChat sender (or another channel's) was offline: its messages wait for the next drain. */
  offline: boolean;
  /** Channels whose queued messages this drain left alone (no sender, offline or blocked). */
  skippedChannels: ChannelName[];
}

/**
 * The one send queue: serial, throttled, retrying with backoff, persisted in the outbox. Only one
 * process may send from a database. Use `drain` with a simulated clock; `start` runs a background
 * loop on a real clock (with a simulated one its idle polling would race through virtual time).
 */
export class SendQueue {
  /** One throttle per channel: each service has its own limits. */
  private readonly throttles = new Map<ChannelName, SendThrottle>();
  /** Channels stopped for this process by an error no retry fixes. */
  private readonly blocked = new Set<ChannelName>();
  /** A rate-limited channel sends nothing before this time. */
  private readonly resumeAt = new Map<ChannelName, number>();
  private readonly log: Logger;
  private chain: Promise<unknown> = Promise.resolve();
  private recovered = false;
  private stopping = false;
  private stopController = new AbortController();
  private wakeController: AbortController | undefined;
  private loop: Promise<void> | undefined;

  constructor(private readonly o: SendQueueOptions) {
    this.throttles.set('wechat', new SendThrottle(o.settings, o.random));
    for (const [name, channel] of Object.entries(o.channels ?? {})) {
      if (channel) this.throttles.set(name as ChannelName, new SendThrottle(channel.throttle, o.random));
    }
    this.log = o.log ?? silentLogger;
  }

  /** Adds messages (idempotent per dedupe key) and wakes the background loop. */
  enqueue(items: readonly OutboxItem[]): EnqueueOutcome[] {
    const outcomes = this.o.outbox.enqueue(items, this.o.clock.now());
    const conflicts = items.filter((_, i) => outcomes[i] === 'conflict').map((item) => item.dedupeKey);
    if (conflicts.length > 0)
      this.log.warn({ keys: conflicts }, 'outbox: key reused for other content; kept the first');
    this.wakeController?.abort();
    return outcomes;
  }

  /**
   * Settles what the previous process left in 'sending' (once per queue; drain and start call it).
   * Also restores the throttle's memory of the last minute's sends.
   */
  recover(): { unconfirmed: OutboxRow[]; requeued: OutboxRow[] } {
    if (this.recovered) return { unconfirmed: [], requeued: [] };
    this.recovered = true;
    const now = this.o.clock.now();
    for (const sent of this.o.outbox.sentSinceOnChannels(now - 60_000)) {
      this.throttles.get(sent.channel)?.record(sent.recipientId, sent.at);
    }
    const result = this.o.outbox.recoverInterrupted(now);
    if (result.requeued.length > 0) {
      this.log.warn(
        { keys: result.requeued.map((r) => r.dedupeKey) },
        'outbox: interrupted sends queued again',
      );
    }
    if (result.unconfirmed.length > 0) {
      this.log.warn(
        { keys: result.unconfirmed.map((r) => r.dedupeKey) },
        'outbox: interrupted sends unconfirmed',
      );
      this.o.onUnconfirmed?.(result.unconfirmed);
    }
    return result;
  }

  /**
   * Sends every message that is due, one at a time, sleeping on the clock as the throttle demands.
   * With `waitForRetries`, also sleeps until rescheduled messages are due, until none is queued.
   */
  drain(options: { waitForRetries?: boolean } = {}): Promise<DrainResult> {
    return this.exclusive(() => this.drainNow(options.waitForRetries ?? false));
  }

  /** Starts the background loop (real clock). */
  start(): void {
    if (this.loop) return;
    this.loop = this.run();
  }

  /** Stops the loop after the send in flight, if any, has settled. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopController.abort();
    await this.loop;
    await this.chain;
    this.loop = undefined;
    this.stopping = false;
    this.stopController = new AbortController();
  }

  private async run(): Promise<void> {
    const { clock, outbox, settings } = this.o;
    while (!this.stopping) {
      try {
        await this.drain();
      } catch (error) {
        this.log.error({ err: (error as Error).message }, 'send queue: drain failed');
      }
      if (this.stopping) break;
      const now = clock.now();
      const next = outbox.nextDueAfter(now);
      const wake = new AbortController();
      this.wakeController = wake;
      const onStop = () => wake.abort();
      this.stopController.signal.addEventListener('abort', onStop, { once: true });
      await clock.sleep(
        Math.min(settings.pollMs, next === undefined ? settings.pollMs : next - now),
        wake.signal,
      );
      this.stopController.signal.removeEventListener('abort', onStop);
      this.wakeController = undefined;
    }
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn);
    this.chain = run.catch(() => {});
    return run;
  }

  private async drainNow(waitForRetries: boolean): Promise<DrainResult> {
    const { outbox, clock } = this.o;
    this.recover();
    const result: DrainResult = {
      sent: 0,
      retried: 0,
      failed: 0,
      undeliverable: 0,
      remaining: 0,
      offline: false,
      skippedChannels: [],
    };
    // Rows on channels this process cannot send on stay queued; the others go on.
    const skip = new Set<ChannelName>(this.blocked);
    for (const name of ['email', 'wecom', 'wecomRobot'] as const) {
      if (!this.o.channels?.[name]) skip.add(name);
    }
    const signal = this.stopController.signal;
    while (!this.stopping) {
      const now = clock.now();
      const row = outbox.nextDue(now, [...skip]);
      if (!row) {
        const next = waitForRetries ? outbox.nextDueAfter(now) : undefined;
        if (next === undefined) break;
        await clock.sleep(next - now, signal);
        continue;
      }
      const throttle = this.throttleOf(row.channel);
      const wait = Math.max(
        throttle.delayBefore(row.recipientId, now),
        (this.resumeAt.get(row.channel) ?? 0) - now,
      );
      if (wait > 0) await clock.sleep(wait, signal);
      if (this.stopping) break;
      if (!outbox.claim(row.id, clock.now())) continue;
      if ((await this.sendOne(row, result)) === 'offline') skip.add(row.channel);
      if (this.blocked.has(row.channel)) skip.add(row.channel);
    }
    result.remaining = outbox.counts().queued;
    result.skippedChannels = [...skip];
    return result;
  }

  private throttleOf(channel: ChannelName): SendThrottle {
    let throttle = this.throttles.get(channel);
    if (!throttle) {
      throttle = new SendThrottle(this.o.settings, this.o.random);
      this.throttles.set(channel, throttle);
    }
    return throttle;
  }

  /** Sends one row's content on its channel; throws as the channel's sender does. */
  private async deliver(row: OutboxRow, c: SendableContent): Promise<void> {
    if (row.channel === 'wechat') {
      const { sender } = this.o;
      if (c.kind === 'text') await sender.sendText(row.recipientId, c.text);
      else if (c.kind === 'mail') throw new Error('a mail cannot go out on WeChat');
      else if ('path' in c) await sender.sendImage(row.recipientId, c.path);
      else await sender.sendImage(row.recipientId, Buffer.from(c.base64, 'base64'), c.name);
      return;
    }
    const channel = this.o.channels?.[row.channel];
    if (!channel) throw new SenderOfflineError(`no ${row.channel} sender in this process`);
    // The robot posts into its one group: it needs no address.
    const to = row.channel === 'wecomRobot' ? '' : this.o.addressOf?.(row.recipientId, row.channel);
    if (to === undefined || to === null) {
      throw new RecipientUnavailableError(row.recipientId, 'no-address');
    }
    await channel.send(to, c);
  }

  /** Sends one claimed row and settles its state. */
  private async sendOne(row: OutboxRow, result: DrainResult): Promise<'done' | 'offline'> {
    const { outbox, clock, settings } = this.o;
    const attempts = row.attempts + 1;
    try {
      const c = row.content;
      if (c === null) throw new Error('message content was purged');
      await this.deliver(row, drawCharts(c, this.o.drawChart));
      const at = clock.now();
      this.throttleOf(row.channel).record(row.recipientId, at);
      outbox.markSent(row.id, at);
      result.sent++;
      return 'done';
    } catch (error) {
      const at = clock.now();
      const message = errorText(error, STORED_ERROR_CHARS);
      if (error instanceof SenderOfflineError) {
        outbox.release(row.id, at + settings.pollMs, message, at);
        result.offline = true;
        this.log.warn({ key: row.dedupeKey, channel: row.channel }, 'send queue: sender offline; waiting');
        return 'offline';
      }
      if (error instanceof ChannelBlockedError) {
        // Not the message's fault: it waits, uncounted, until the operator fixes the channel.
        outbox.release(row.id, at, message, at);
        if (!this.blocked.has(row.channel)) {
          this.blocked.add(row.channel);
          this.log.error({ channel: row.channel, code: error.code, err: message }, 'channel blocked');
          this.o.onChannelBlocked?.(error);
        }
        return 'done';
      }
      if (error instanceof RateLimitedError) {
        outbox.release(row.id, at + error.retryAfterMs, message, at);
        this.resumeAt.set(row.channel, at + error.retryAfterMs);
        result.retried++;
        this.log.warn({ channel: row.channel, retryInMs: error.retryAfterMs }, 'rate limited; backing off');
        return 'done';
      }
      this.throttleOf(row.channel).record(row.recipientId, at);
      if (error instanceof RecipientUnavailableError) {
        const rows = outbox.markUndeliverable(row.id, row.recipientId, message, at, row.channel);
        result.undeliverable += rows.length;
        this.log.warn(
          { recipient: row.recipientId, channel: row.channel, reason: error.reason, count: rows.length },
          'undeliverable',
        );
        this.o.onUndeliverable?.({
          recipientId: row.recipientId,
          channel: row.channel,
          reason: error.reason,
          rows,
        });
      } else if (attempts >= settings.maxAttempts) {
        outbox.markFailed(row.id, message, at);
        result.failed++;
        this.log.error({ key: row.dedupeKey, attempts, err: message }, 'send failed; giving up');
        this.o.onFailed?.(outbox.getById(row.id) as OutboxRow);
      } else {
        const delay = retryDelay(attempts, settings.backoffBaseMs, settings.backoffMaxMs);
        outbox.retryAt(row.id, at + delay, message, at);
        result.retried++;
        this.log.warn(
          { key: row.dedupeKey, attempts, retryInMs: delay, err: message },
          'send failed; will retry',
        );
      }
      return 'done';
    }
  }
}

/**
 * The content a channel can send: a week chart the outbox keeps as what to draw (an image, or a mail's
 * inline file) is drawn now, just before it goes out. Queueing every owner's digest then costs about
 * one report (issue 16), and the drawing is spread over the throttled sends; the same spec always
 * draws the same PNG, so a resend sends the same bytes.
 */
export function drawCharts(
  c: OutgoingContent,
  draw: (chart: WeekChartSpec) => Buffer = (chart) => renderWeekChart(chart.input, chart.locale),
): SendableContent {
  if (c.kind === 'image' && 'chart' in c)
    return { kind: 'image', base64: draw(c.chart).toString('base64'), name: c.name };
  if (c.kind === 'mail' && c.files.some((f) => 'chart' in f)) {
    return {
      ...c,
      files: c.files.map((f) =>
        'chart' in f
          ? {
              name: f.name,
              contentType: f.contentType,
              base64: draw(f.chart).toString('base64'),
              ...(f.cid ? { cid: f.cid } : {}),
            }
          : f,
      ),
    };
  }
  // Text, an image already drawn, or a mail without a chart: sendable as it is.
  return c as SendableContent;
}
