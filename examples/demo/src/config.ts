import { type AldeaConfig, loadConfig } from '@aldea/core';

/**
 * What the demo server needs to start: the same settings `aldea serve` reads
 * (PORT, ALDEA_HOST, ALDEA_DATABASE, ALDEA_MEDIA_DIR, ALDEA_PUBLIC_URL, Stripe,
 * SMTP…), with the same names, defaults and messages. Paths are absolute.
 */
export type DemoConfig = AldeaConfig;

/**
 * Reads the demo's settings from the environment (and an `aldea.config.json`
 * if one is present) with core's one configuration loader. A wrong value throws
 * a VALIDATION `AldeaError` naming the variable, what was expected and what was
 * given: `PORT (environment): expected a whole number from 0 to 65535 …, got "abc"`.
 */
export function loadDemoConfig(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): { config: DemoConfig; warnings: string[] } {
  const { config, warnings } = loadConfig({ env, cwd });
  return { config, warnings };
}
