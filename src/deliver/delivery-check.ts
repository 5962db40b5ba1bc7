import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { type Audience, type ChannelName, channelConfigured } from './channel.js';
import { chooseChannel } from './channel-router.js';

/**
 * `qingqun doctor`'s delivery section: which channels are set up (and what is missing), whether
 * every owner and supervisor is reachable, and — for a deployment without a WeChat account — which
 * features it lacks. Lines for the operator, English (doctor's language); warnings start with "!".
 * `commandWords` name the private-chat commands (one word each, converse's registry) in the warning
 * that nothing can receive them: passed in, so that deliver needs nothing from converse.
 */
export function deliverySetupLines(store: Store, config: Config, commandWords: readonly string[]): string[] {
  const d = config.deliver;
  const lines: string[] = [];
  const missing: Record<Exclude<ChannelName, 'wechat'>, string[]> = {
    email: d.email.host ? [] : ['deliver.email.host'],
    wecom: [
      ...(d.wecom.corpId ? [] : ['deliver.wecom.corpId']),
      ...(d.wecom.agentId > 0 ? [] : ['deliver.wecom.agentId']),
      ...(d.wecom.secret ? [] : ['QINGQUN_WECOM_SECRET']),
    ],
    wecomRobot: d.wecomRobot.key ? [] : ['QINGQUN_WECOM_ROBOT_KEY'],
  };
  const bot = config.puppet.name !== '';
  lines.push(
    `channel wechat: ${bot ? `bot account via ${config.puppet.name}` : 'no bot account configured (WECHATY_PUPPET)'}`,
  );
  for (const name of ['email', 'wecom', 'wecomRobot'] as const) {
    lines.push(
      channelConfigured(config, name)
        ? `channel ${name}: configured`
        : `channel ${name}: not configured${missing[name].length < 3 && missing[name].length > 0 ? ` (missing ${missing[name].join(', ')})` : ''}`,
    );
  }
  const audiences: [Audience, string[]][] = [
    ['owners', store.groups.ownerIds()],
    ['supervisors', config.org.supervisors.map((s) => s.id)],
  ];
  for (const [audience, ids] of audiences) {
    const list = d.channels[audience];
    for (const c of list) {
      if (!channelConfigured(config, c))
        lines.push(`! deliver.channels.${audience} lists ${c}, which is not configured`);
      if (c === 'wechat' && !bot)
        lines.push(`! ${audience} on wechat: their messages wait for a bot (qingqun start)`);
    }
    const unreachable = ids.filter((id) => chooseChannel(store, config, audience, id) === null);
    lines.push(`${audience}: ${ids.length} on [${list.join(', ')}], ${unreachable.length} reachable on none`);
    if (unreachable.length > 0) {
      lines.push(
        `! unreachable ${audience}: ${unreachable.slice(0, 10).join(', ')}${unreachable.length > 10 ? ', …' : ''}`,
      );
    }
  }
  const callback =
    d.wecom.callbackToken !== '' && d.wecom.encodingAesKey !== '' && channelConfigured(config, 'wecom');
  if (!bot) {
    lines.push(
      callback
        ? 'private-chat commands: through the WeCom application callback (qingqun run serves /wecom/callback)'
        : `! private-chat commands (${commandWords.join(' ')}) are not available: no bot and no WeCom callback (set QINGQUN_WECOM_TOKEN and QINGQUN_WECOM_AES_KEY)`,
    );
    lines.push(
      '! without a bot: no daily member snapshots (rosters come from imports: qingqun import --roster, roster import), and nothing is posted into groups',
    );
  }
  return lines;
}
