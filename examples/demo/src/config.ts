import { loadConfig } from '@aldea/core';

/** What the demo server needs to start. Paths are absolute. */
export interface DemoConfig {
  /** `PORT`, default 3000 (0 picks a free port). */
  port: number;
  /** `ALDEA_HOST`, default 127.0.0.1: the demo prints its passwords, keep it local. */
  host: string;
  /** `ALDEA_DATABASE`, default `./data/aldea.db`. */
  database: string;
  /** `ALDEA_MEDIA_DIR`, default `./data/media`. */
  mediaDir: string;
  /** `ALDEA_PUBLIC_URL`: the address buyers use, when not `http://localhost:PORT`. */
  publicUrl?: string;
  /** How old the newest FX rate may get before the demo re-dates its sample rates. */
  fxStaleAfterHours: number;
}

/**
 * Reads the demo's settings from the environment (and an `aldea.config.json`
 * if one is present) with core's one configuration loader, so `npm start` and
 * `aldea serve` agree on names, defaults and messages. A wrong value throws a
 * VALIDATION `AldeaError` naming the variable, what was expected and what was
 * given: `PORT (environment): expected a whole number from 0 to 65535 …, got "abc"`.
 */
export function loadDemoConfig(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): { config: DemoConfig; warnings: string[] } {
  const { config, warnings } = loadConfig({ env, cwd });
  return {
    config: {
      port: config.port,
      host: config.host,
      database: config.database,
      mediaDir: config.mediaDir,
      publicUrl: config.publicUrl,
      fxStaleAfterHours: config.fxStaleAfterHours,
    },
    warnings,
  };
}
