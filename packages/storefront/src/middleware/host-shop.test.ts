import { describe, expect, it } from 'vitest';
import { hostName } from './host-shop.js';

describe('hostName', () => {
  it.each([
    ['Taller-Rojas.Aldea.Test:8080', 'taller-rojas.aldea.test'],
    ['molcajetes.example.', 'molcajetes.example'],
    ['localhost', 'localhost'],
    ['[::1]:3000', '[::1]'],
    ['evil.example/<script>', undefined],
    ['a..b', undefined],
    ['', undefined],
    [undefined, undefined],
    [`${'a'.repeat(300)}.example`, undefined],
  ])('%j → %j', (header, name) => {
    expect(hostName(header)).toBe(name);
  });
});
