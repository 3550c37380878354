const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters of the GSM extension table: each takes two septets (escape + char). */
const GSM_EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

/** How a text travels as SMS: its encoding, its length in that encoding, and the parts billed. */
export interface SmsSize {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/**
 * How many SMS segments a text takes. GSM-7 (plain Latin text, `ñ` and `é`
 * included, but not `á` `í` `ó` `ú`) fits 160 characters in one message and 153
 * per part once split; anything else goes as UCS-2: 70, then 67 per part.
 *
 * @example
 * smsSize('Hola').segments; // 1
 * smsSize('你好'.repeat(40)).segments; // 2 (80 UCS-2 units)
 */
export function smsSize(text: string): SmsSize {
  let septets = 0;
  for (const ch of text) {
    if (basic.has(ch)) septets += 1;
    else if (extended.has(ch)) septets += 2;
    else {
      const units = text.length;
      return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return {
    encoding: 'GSM-7',
    units: septets,
    segments: septets <= 160 ? 1 : Math.ceil(septets / 153),
  };
}

/**
 * The first of `candidates` (fullest first) that fits in `maxSegments`, or the
 * last one when none does: a message keeps its link and code and sheds
 * courtesies before it costs a third segment.
 *
 * @example
 * fitSms([`Hello Ana. ${body} Valid until May 1.`, body]);
 */
export function fitSms(candidates: readonly string[], maxSegments = 2): string {
  return candidates.find((c) => smsSize(c).segments <= maxSegments) ?? candidates.at(-1) ?? '';
}
