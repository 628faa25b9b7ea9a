import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.ts';
import { agencies, units } from '../org/org.tables.ts';
import { documentAttachments, documentRecipients, documents, documentVersions } from './documents.tables.ts';

// A document row without its search grams (a large array kept for the index alone, never read back).
const { searchGrams: _grams, ...rowColumns } = getTableColumns(documents);
export type DocumentRow = Omit<typeof documents.$inferSelect, 'searchGrams'>;

export const findDocument = async (db: Db, id: string): Promise<DocumentRow | undefined> =>
  (await db.select(rowColumns).from(documents).where(eq(documents.id, id)))[0];
/** Locks the row for the rest of the transaction: every state change of a document goes through here. */
export const lockDocument = async (db: Db, id: string): Promise<DocumentRow | undefined> =>
  (await db.select(rowColumns).from(documents).where(eq(documents.id, id)).for('update'))[0];
export const insertDocument = async (db: Db, values: typeof documents.$inferInsert) =>
  (await db.insert(documents).values(values).returning(rowColumns))[0]!;
export const updateDocument = async (db: Db, id: string, set: Partial<typeof documents.$inferInsert>) =>
  (await db.update(documents).set(set).where(eq(documents.id, id)).returning(rowColumns))[0]!;

export const insertVersion = (db: Db, values: typeof documentVersions.$inferInsert) =>
  db.insert(documentVersions).values(values);
export const listVersions = (db: Db, documentId: string) =>
  db
    .select()
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(asc(documentVersions.version));
export const findVersion = async (db: Db, documentId: string, version: number) =>
  (
    await db
      .select()
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.version, version)))
  )[0];

export const listRecipients = (db: Db, documentId: string) =>
  db
    .select()
    .from(documentRecipients)
    .where(eq(documentRecipients.documentId, documentId))
    .orderBy(asc(documentRecipients.name));
export const replaceRecipients = async (
  db: Db,
  documentId: string,
  rows: (typeof documentRecipients.$inferInsert)[],
) => {
  await db.delete(documentRecipients).where(eq(documentRecipients.documentId, documentId));
  if (rows.length) await db.insert(documentRecipients).values(rows);
};

export const listAttachments = (db: Db, documentId: string) =>
  db
    .select()
    .from(documentAttachments)
    .where(eq(documentAttachments.documentId, documentId))
    .orderBy(asc(documentAttachments.addedAt));
export const insertAttachment = async (db: Db, values: typeof documentAttachments.$inferInsert) =>
  (await db.insert(documentAttachments).values(values).returning())[0]!;
export const deleteAttachment = async (db: Db, documentId: string, id: string) =>
  (
    await db
      .delete(documentAttachments)
      .where(and(eq(documentAttachments.documentId, documentId), eq(documentAttachments.id, id)))
      .returning()
  )[0];

export const findAgency = async (db: Db, id: string) =>
  (await db.select().from(agencies).where(eq(agencies.id, id)))[0];
export const findUnit = async (db: Db, id: string) =>
  (await db.select().from(units).where(eq(units.id, id)))[0];
export const agenciesByIds = (db: Db, ids: string[]) =>
  ids.length ? db.select().from(agencies).where(sql`${agencies.id} in ${ids}`) : Promise.resolve([]);
export const unitsByIds = (db: Db, ids: string[]) =>
  ids.length ? db.select().from(units).where(sql`${units.id} in ${ids}`) : Promise.resolve([]);
