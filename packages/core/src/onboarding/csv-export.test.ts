import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLine, neutraliseCell, toCsv } from './csv-export.js';

describe('CSV export', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+52 415 123 4567', "'+52 415 123 4567"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['Molcajete', 'Molcajete'],
    ['山核桃', '山核桃'],
  ])('neutralises %j', (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });

  it('quotes what needs quoting and round-trips through a CSV parser', () => {
    const doc = toCsv(
      ['name', 'note', 'amount'],
      [
        ['Taller "La Piedra"', 'a, b\nc', 1250],
        ['=HYPERLINK("http://evil.example")', null, -5],
      ],
    );
    expect(doc.startsWith('\ufeff')).toBe(true);
    const rows = parse(doc.slice(1)) as string[][];
    expect(rows).toEqual([
      ['name', 'note', 'amount'],
      ['Taller "La Piedra"', 'a, b\nc', '1250'],
      ['\'=HYPERLINK("http://evil.example")', '', '-5'],
    ]);
    expect(csvLine([' padded'])).toBe('" padded"\r\n');
  });
});
