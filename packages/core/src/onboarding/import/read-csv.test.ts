import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bytesSource, IMPORT_LIMITS, type ImportSource } from './import-source.js';
import {
  type CsvFacts,
  type CsvRecord,
  detectDelimiter,
  ImportFileError,
  readCsv,
} from './read-csv.js';

async function read(source: ImportSource, limits = IMPORT_LIMITS) {
  const facts: CsvFacts = { bytes: 0 };
  const records: CsvRecord[] = [];
  for await (const r of readCsv(source, limits, facts)) records.push(r);
  return { facts, records };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readCsv', () => {
  it('reads UTF-8 with a BOM, CRLF line ends, quoted commas and newlines', async () => {
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('sku,title_en\r\nA-1,"Nuts, roasted"\r\n\r\nA-2,"two\r\nlines"\r\n'),
    ]);
    const { facts, records } = await read(bytesSource(bom));
    expect(facts).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(records).toEqual([
      { row: 1, cells: ['sku', 'title_en'] },
      { row: 2, cells: ['A-1', 'Nuts, roasted'] },
      { row: 4, cells: ['A-2', 'two\r\nlines'] },
    ]);
  });

  it('reads GBK from Chinese Excel and semicolons from Mexican Excel', async () => {
    const gbk = iconv.encode('sku,title_zh-CN\nHN-1,临安山核桃\n', 'gbk');
    const { facts, records } = await read(bytesSource(gbk));
    expect(facts.encoding).toBe('gbk');
    expect(records[1]!.cells).toEqual(['HN-1', '临安山核桃']);
    const semi = await read(bytesSource(utf8('sku;price\nM-1;1.234,50\n')));
    expect(semi.facts.delimiter).toBe(';');
    expect(semi.records[1]!.cells).toEqual(['M-1', '1.234,50']);
  });

  it('refuses a file that is too large before reading it, and one that grows too large while read', async () => {
    const big = bytesSource(new Uint8Array(2048).fill(65));
    const limits = { ...IMPORT_LIMITS, maxBytes: 1024 };
    await expect(read(big, limits)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(read({ ...big, size: undefined }, limits)).rejects.toBeInstanceOf(ImportFileError);
  });

  it('names the line where the text stops being UTF-8, and refuses binary', async () => {
    const bad = Buffer.concat([
      Buffer.from('sku,title_en\nA,ok\nB,'),
      Buffer.alloc(70 * 1024, 0x61),
      Buffer.from([0xff, 0xfe, 0x0a]),
    ]);
    await expect(read(bytesSource(bad))).rejects.toMatchObject({
      code: 'ENCODING_INVALID',
      params: { line: 3 },
    });
    await expect(
      read(bytesSource(Buffer.from([0x00, 0x01, 0xff, 0x80, 0x81, 0x00]))),
    ).rejects.toMatchObject({
      code: 'ENCODING_UNKNOWN',
    });
  });

  it('reports an unclosed quote with its line', async () => {
    await expect(read(bytesSource(utf8('sku,title_en\nA,"open\nB,x\n')))).rejects.toMatchObject({
      code: 'CSV_MALFORMED',
    });
  });

  it('picks the delimiter from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('"a,b";c;d')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });
});
