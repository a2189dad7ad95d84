import type { Insertable } from 'kysely';
import type { AttachmentTable } from '../../db/tables/portal';
import type { Db } from '../../platform/db';

export async function insertAttachment(db: Db, row: Insertable<AttachmentTable>): Promise<number> {
  const r = await db.insertInto('attachment').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

const columns = [
  'a.id',
  'a.ticket_id',
  'a.kind',
  'a.file_name',
  'a.content_type',
  'a.size_bytes',
  'a.sha256',
  'a.storage_key',
  'a.source',
  'a.created_at',
  'u.name as unit_name',
] as const;

export function listTicketAttachments(db: Db, ticketId: number) {
  return db
    .selectFrom('attachment as a')
    .leftJoin('org_unit as u', 'u.id', 'a.uploaded_by_unit_id')
    .select(columns)
    .where('a.ticket_id', '=', ticketId)
    .orderBy('a.id')
    .execute();
}

export function findAttachment(db: Db, id: number) {
  return db
    .selectFrom('attachment as a')
    .leftJoin('org_unit as u', 'u.id', 'a.uploaded_by_unit_id')
    .select(columns)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

export async function countAttachments(
  db: Db,
  ticketId: number,
  source: 'staff' | 'portal',
): Promise<number> {
  const r = await db
    .selectFrom('attachment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ticket_id', '=', ticketId)
    .where('source', '=', source)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every stored file (for backups). */
export function allAttachmentKeys(db: Db) {
  return db.selectFrom('attachment').select(['id', 'storage_key', 'sha256']).orderBy('id').execute();
}

export async function deleteAttachmentRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('attachment').where('id', '=', id).execute();
}
