import { NotificationListener } from '../db/notifications.js';
import type { Logger } from '../logger.js';

export type RoundChannel = 'traq_round_submitted' | 'traq_round_finished';

/**
 * Round notifications for this process: workers wake on `traq_round_submitted`,
 * submit requests on `traq_round_finished`. Both are sent inside the
 * transactions that change the round, so they arrive after commit. Waiters
 * also poll, so a lost notification delays an answer but never loses one.
 */
export class RoundEvents {
  readonly listener: NotificationListener;

  constructor(connectionString: string, logger?: Logger) {
    this.listener = new NotificationListener(connectionString, ['traq_round_submitted', 'traq_round_finished'], logger);
  }

  start() {
    return this.listener.start();
  }

  stop() {
    return this.listener.stop();
  }

  /** Resolves on a `channel` notification (for `roundPk`, or any when undefined), when `poll()` says so, or after `ms`. */
  waitFor(channel: RoundChannel, roundPk: string | undefined, ms: number, poll?: () => Promise<boolean>, pollMs = 500): Promise<void> {
    return new Promise<void>((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (poller) clearInterval(poller);
        this.listener.off(channel, onEvent);
        resolve();
      };
      const onEvent = (payload: string) => {
        if (roundPk === undefined || payload === roundPk) finish();
      };
      const timer = setTimeout(finish, ms);
      const poller = poll
        ? setInterval(() => {
            poll().then((yes) => yes && finish(), () => {});
          }, pollMs)
        : undefined;
      this.listener.on(channel, onEvent);
    });
  }
}
