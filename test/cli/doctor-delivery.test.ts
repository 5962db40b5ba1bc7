import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { runCli } from './run-cli.js';

describe('qingqun doctor: delivery', () => {
  it('says which commands a deployment without WeChat lacks, and that the WeCom callback restores them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-doctor-'));
    const config = join(dir, 'local.yaml');
    writeFileSync(
      config,
      'deliver:\n  channels:\n    owners: [wecom, email]\n  wecom:\n    corpId: ww0123456789abcdef\n    agentId: 1000002\n',
    );
    // doctor refuses a database that does not exist (issue 15.2): make an empty qingqun database first.
    new Store(join(dir, 'q.sqlite')).close();
    const args = ['--db', join(dir, 'q.sqlite'), '--config', config, 'doctor'];
    const bare = runCli(args);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('channel wecom: not configured (missing QINGQUN_WECOM_SECRET)');
    expect(bare.stdout).toContain('! deliver.channels.owners lists email, which is not configured');
    expect(bare.stdout).toMatch(/! private-chat commands \(帮助 .*周报 采纳 忽略.*\) are not available/);
    const withCallback = runCli(args, {
      QINGQUN_WECOM_SECRET: 'secret-from-env',
      QINGQUN_WECOM_TOKEN: 'callbacktoken',
      QINGQUN_WECOM_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    });
    expect(withCallback.stdout).toContain('channel wecom: configured');
    expect(withCallback.stdout).toContain('private-chat commands: through the WeCom application callback');
  }, 60_000);

  it('refuses a secret written into a config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-doctor-'));
    const config = join(dir, 'local.yaml');
    writeFileSync(config, 'deliver:\n  email:\n    password: hunter2\n');
    const result = runCli(['--db', join(dir, 'q.sqlite'), '--config', config, 'doctor']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'deliver.email.password: a secret belongs in the environment (QINGQUN_SMTP_PASSWORD',
    );
    expect(result.stderr).not.toContain('hunter2');
  }, 60_000);
});
