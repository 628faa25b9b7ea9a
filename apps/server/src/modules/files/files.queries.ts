import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.ts';
import { files } from './files.tables.ts';

// SQL only.

export const findFileBySha = async (db: Db, sha256: string) =>
  (
    await db
      .select({ sha256: files.sha256, size: files.size, mime: files.mime, createdAt: files.createdAt })
      .from(files)
      .where(eq(files.sha256, sha256))
  )[0];

export const insertFileIfNew = (db: Db, values: typeof files.$inferInsert) =>
  db.insert(files).values(values).onConflictDoNothing({ target: files.sha256 });

export const listTextBySha = (db: Db, sha256s: string[]) =>
  db.select({ sha256: files.sha256, text: files.text }).from(files).where(inArray(files.sha256, sha256s));
