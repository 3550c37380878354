import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { invitations } from '../../schema/onboarding.js';
import {
  CreateInvitationInput,
  contactKeyOf,
  type ParsedInvitation,
} from '../invitation-schemas.js';
import { invitationStatus } from '../invitation-view.js';
import type { VillageRef } from '../village-access.js';
import { type ColumnSpec, checkRowShape, type HeaderMap, mapHeader, Row } from './columns.js';
import type { ImportLimits, ImportSource } from './import-source.js';
import type { ProblemCode } from './problem-messages.js';
import type { ProblemList } from './problems.js';
import { type CsvFacts, ImportFileError, readCsv } from './read-csv.js';

const SELLER_COLUMNS: ColumnSpec = {
  required: [],
  optional: ['name', 'phone', 'email', 'shop_name', 'locale', 'currency'],
  aliases: {
    nombre: 'name',
    姓名: 'name',
    名字: 'name',
    seller: 'name',
    telefono: 'phone',
    teléfono: 'phone',
    celular: 'phone',
    whatsapp: 'phone',
    电话: 'phone',
    手机: 'phone',
    mobile: 'phone',
    correo: 'email',
    e_mail: 'email',
    邮箱: 'email',
    电子邮箱: 'email',
    tienda: 'shop_name',
    shop: 'shop_name',
    店名: 'shop_name',
    店铺: 'shop_name',
    idioma: 'locale',
    language: 'locale',
    语言: 'locale',
    moneda: 'currency',
    货币: 'currency',
  },
};

const FIELD_PROBLEMS: Record<string, ProblemCode> = {
  email: 'BAD_EMAIL',
  phone: 'BAD_PHONE',
  locale: 'BAD_LOCALE',
  currency: 'UNKNOWN_CURRENCY',
  name: 'NO_CONTACT',
};
const COLUMN_OF: Record<string, string> = { shopName: 'shop_name' };

/** A valid row of a sellers sheet. */
export interface SellerRow {
  row: number;
  input: ParsedInvitation;
  key: string;
}

/** What a batch of rows will do to the village's invitations. */
export type SellerPlan = {
  create: SellerRow[];
  update: { row: SellerRow; id: string }[];
  joined: SellerRow[];
};

/** Sorts rows into new invitations, updates of waiting ones, and sellers who already joined. */
export async function planRows(
  db: Db,
  village: VillageRef,
  rows: SellerRow[],
  problems: ProblemList,
  now: Date,
): Promise<SellerPlan> {
  const plan: SellerPlan = { create: [], update: [], joined: [] };
  if (rows.length === 0) return plan;
  const existing = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.villageId, village.id),
        inArray(
          invitations.contactKey,
          rows.map((r) => r.key),
        ),
      ),
    );
  for (const r of rows) {
    const mine = existing.filter((e) => e.contactKey === r.key);
    if (mine.some((e) => e.acceptedAt)) {
      problems.warn(r.row, null, 'ALREADY_JOINED');
      plan.joined.push(r);
      continue;
    }
    const pending = mine.find((e) => invitationStatus(e, now) === 'pending');
    if (pending) plan.update.push({ row: r, id: pending.id });
    else plan.create.push(r);
  }
  return plan;
}

/** Streams a sellers sheet: each row checked by column and handed on in batches of 200. */
export async function scanSellers(
  source: ImportSource,
  base: Record<string, unknown>,
  limits: ImportLimits,
  problems: ProblemList,
  onBatch: (rows: SellerRow[]) => Promise<void>,
  onBytes?: (n: number) => void,
) {
  const facts: CsvFacts = { bytes: 0 };
  let header: HeaderMap | undefined;
  let rows = 0;
  let batch: SellerRow[] = [];
  const seen = new Map<string, number>();
  try {
    for await (const record of readCsv(source, limits, facts, onBytes)) {
      if (!header) {
        header = mapHeader(record.cells, SELLER_COLUMNS, problems);
        if (!['name', 'phone', 'email'].some((c) => header!.index.has(c))) {
          problems.error(null, 'name', 'MISSING_COLUMN', { column: 'name' });
        }
        if (problems.fatal) break;
        continue;
      }
      rows++;
      if (!checkRowShape(record.row, record.cells, header, problems)) continue;
      const row = new Row(record.row, record.cells, header);
      const opt = (c: string) => row.get(c) || undefined;
      const parsed = CreateInvitationInput.safeParse({
        ...base,
        name: row.get('name'),
        phone: opt('phone'),
        email: opt('email'),
        shopName: row.get('shop_name'),
        locale: opt('locale'),
        currency: opt('currency'),
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          const column = COLUMN_OF[field] ?? field;
          const code = FIELD_PROBLEMS[field] ?? 'INVALID';
          problems.error(record.row, row.has(column) ? row.label(column) : column, code, {
            value: row.get(column),
            reason: issue.message,
          });
        }
        continue;
      }
      const key = contactKeyOf(parsed.data);
      const other = seen.get(key);
      if (other !== undefined) {
        problems.error(record.row, null, 'DUPLICATE_CONTACT', { other });
        continue;
      }
      seen.set(key, record.row);
      batch.push({ row: record.row, input: parsed.data, key });
      if (batch.length >= 200) {
        await onBatch(batch);
        batch = [];
      }
    }
    if (header && !problems.fatal) {
      if (batch.length > 0) await onBatch(batch);
      if (rows === 0) problems.error(null, null, 'EMPTY_FILE');
    }
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    problems.error(null, null, err.code, err.params);
  }
  return { rows, facts };
}
