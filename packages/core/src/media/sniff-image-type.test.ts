import { describe, expect, it } from 'vitest';
import {
  heicBrandedFile,
  phonePhotoJpeg,
  pixelBombPng,
  textFileNamedJpg,
  transparentPng,
} from '../../test/fixtures/media/images.js';
import { sniffImageType } from './sniff-image-type.js';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

const ftyp = (major: string, ...compatible: string[]) =>
  bytes([0, 0, 0, 16 + 4 * compatible.length], 'ftyp', major, [0, 0, 0, 0], compatible.join(''));

describe('sniffImageType', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe1, 0, 0]), true],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), true],
    ['webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), true],
    ['gif', bytes('GIF89a', [1, 0, 1, 0]), true],
    ['gif', bytes('GIF87a', [1, 0, 1, 0]), true],
    ['avif', ftyp('avif', 'mif1', 'miaf'), true],
    ['avif', ftyp('mif1', 'avif'), true],
    ['heic', ftyp('heic', 'mif1', 'heic'), true],
    ['heic', ftyp('mif1', 'heic'), true],
    ['tiff', bytes('II*', [0, 8, 0, 0, 0]), false],
    ['tiff', bytes('MM', [0, 42, 0, 0, 0, 8]), false],
    ['bmp', bytes('BM', new Array(30).fill(0)), false],
    ['jxl', bytes([0xff, 0x0a, 1, 2]), false],
    ['psd', bytes('8BPS', [0, 1]), false],
    ['svg', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), false],
    ['svg', bytes('  <svg viewBox="0 0 1 1"></svg>'), false],
  ])('recognises %s from its bytes', (kind, data, supported) => {
    expect(sniffImageType(data)).toMatchObject({ kind, supported });
  });

  it.each([
    ['a text file', textFileNamedJpg()],
    ['an empty file', Buffer.alloc(0)],
    ['a PDF', bytes('%PDF-1.7\n')],
    ['an MP4 / Live Photo video', ftyp('isom', 'iso2', 'mp41')],
    ['a QuickTime movie', ftyp('qt  ', 'qt  ')],
    ['HTML', bytes('<!doctype html><html><body><svg></svg>')],
    ['a ZIP', bytes('PK', [3, 4])],
    ['one byte of a JPEG', bytes([0xff])],
  ])('says %s is not an image', (_name, data) => {
    expect(sniffImageType(data)).toBeUndefined();
  });

  it('reads real files made by sharp, whatever they are named', async () => {
    expect(sniffImageType(await phonePhotoJpeg())?.mime).toBe('image/jpeg');
    expect(sniffImageType(await transparentPng())?.mime).toBe('image/png');
    expect(sniffImageType(await pixelBombPng())?.mime).toBe('image/png');
    expect(sniffImageType(heicBrandedFile())?.mime).toBe('image/heic');
  });
});
