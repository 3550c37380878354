import { AldeaError } from '@aldea/core';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT, exitCodeFor } from './exit-codes.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('exitCodeFor', () => {
  it.each([
    [new AldeaError('VALIDATION', 'x'), EXIT.VALIDATION],
    [new AldeaError('UNSUPPORTED_CURRENCY', 'x'), EXIT.VALIDATION],
    [new AldeaError('NOT_FOUND', 'x'), EXIT.NOT_FOUND],
    [new AldeaError('CONFLICT', 'x'), EXIT.CONFLICT],
    [new AldeaError('INTERNAL', 'x'), EXIT.FAILURE],
    [new CliError(EXIT.IO, 'x'), EXIT.IO],
    [new CommanderError(1, 'commander.unknownOption', 'x'), EXIT.USAGE],
    [new CommanderError(0, 'commander.helpDisplayed', 'x'), EXIT.OK],
    [errno('ENOENT'), EXIT.NOT_FOUND],
    [errno('EACCES'), EXIT.IO],
    [errno('SQLITE_CANTOPEN'), EXIT.IO],
    [new Error('boom'), EXIT.FAILURE],
    ['a string', EXIT.FAILURE],
  ])('%s → %i', (err, code) => {
    expect(exitCodeFor(err)).toBe(code);
  });

  it('does not mistake another error named AldeaError with an unknown code', () => {
    const fake = Object.assign(new Error('x'), { name: 'AldeaError', code: 'WHATEVER' });
    expect(exitCodeFor(fake)).toBe(EXIT.FAILURE);
  });
});
