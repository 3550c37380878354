import { redactConfig, SETTING_KEYS, SETTINGS } from '@aldea/core';
import type { Command } from 'commander';
import { type CliIo, printResult } from '../io.js';
import { loadCliConfig } from '../runtime.js';

/** `aldea config`: every setting, its variable, the value in effect and where it came from. */
export function showConfig(io: CliIo, cmd: Command, opts: { json?: boolean }): void {
  const loaded = loadCliConfig(io, cmd);
  const shown = redactConfig(loaded.config);
  const lines = SETTING_KEYS.map((key) => {
    const value = key in shown ? String(shown[key]) : '(unset)';
    const source = loaded.sources[key] ?? (key in shown ? 'derived' : '');
    return `${key.padEnd(20)} ${SETTINGS[key].env.padEnd(27)} ${value.padEnd(40)} ${source}`;
  });
  printResult(
    io,
    opts.json,
    { file: loaded.file, config: shown, sources: loaded.sources, warnings: loaded.warnings },
    [`# config file: ${loaded.file ?? 'none'}`, ...lines].join('\n'),
  );
}
