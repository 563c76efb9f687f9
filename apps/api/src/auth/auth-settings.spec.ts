import { ConfigError } from '../../../../libs/config/src';
import { DEFAULT_IDLE_TIMEOUT_SECONDS, loadAuthSettings } from './auth-settings';

describe('loadAuthSettings', () => {
  it('defaults the idle timeout to 30 minutes', () => {
    expect(DEFAULT_IDLE_TIMEOUT_SECONDS).toBe(1800);
    expect(loadAuthSettings({})).toEqual({ idleTimeoutSeconds: 1800 });
  });

  it('reads AUTH_IDLE_TIMEOUT_SECONDS', () => {
    expect(loadAuthSettings({ AUTH_IDLE_TIMEOUT_SECONDS: '900' })).toEqual({
      idleTimeoutSeconds: 900,
    });
  });

  it.each(['abc', '59', '0', '-5', '90.5'])('refuses %j naming the variable', (value) => {
    expect(() => loadAuthSettings({ AUTH_IDLE_TIMEOUT_SECONDS: value })).toThrow(ConfigError);
    expect(() => loadAuthSettings({ AUTH_IDLE_TIMEOUT_SECONDS: value })).toThrow(
      /AUTH_IDLE_TIMEOUT_SECONDS/,
    );
  });
});
