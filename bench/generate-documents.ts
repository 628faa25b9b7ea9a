import { pathToFileURL } from 'node:url';
import { type Database, openDatabase, selectRows } from '@civicdesk/server/src/platform/db/db.ts';
import { sql } from 'drizzle-orm';

// Generates documents for the search and listing benchmarks straight in SQL (insert … select generate_series),
// spread over the demo agencies and drafted by their demo officials: 70 % Vietnamese, 20 % Korean (the district),
// 10 % English; 96 % issued (numbered, half of them sent to another agency, most of those received), 4 % drafts.
// Subjects and bodies are drawn from the phrase lists below; each "rare" phrase lands in about 1 of 5,000
// documents of its language. Issued numbers are the series index (unique, not gap-free: historic data) and the
// number sequences are raised past them, so the application goes on numbering without collisions.
// Standalone: DATABASE_URL=… node --import tsx bench/generate-documents.ts 100000 (the demo must be seeded).

const vi = (
  'báo cáo|kết quả|triển khai|thực hiện|kế hoạch|năm 2026|quý III|chuyển đổi số|văn phòng điện tử|' +
  'cải cách hành chính|thủ tục hành chính|dịch vụ công trực tuyến|ngân sách|nhà nước|đầu tư công|' +
  'giải ngân|xây dựng nông thôn mới|giảm nghèo bền vững|y tế|giáo dục|phòng chống thiên tai|' +
  'an toàn giao thông|bảo vệ môi trường|đất đai|quy hoạch|tài nguyên|ủy ban nhân dân|' +
  'hội đồng nhân dân|các sở, ban, ngành|trên địa bàn tỉnh|cấp xã|đề nghị|đôn đốc|tổng hợp|' +
  'tham mưu|phối hợp|chỉ đạo|khẩn trương|đúng thời hạn|theo quy định|hồ sơ|chữ ký số|văn bản đến|' +
  'văn bản đi|họp trực tuyến|sơ kết|tổng kết|thi đua|khen thưởng|cán bộ, công chức|bồi dưỡng|' +
  'an ninh trật tự|phòng cháy chữa cháy|dân số|lao động|việc làm|du lịch|văn hóa|thể thao|' +
  'nông nghiệp|thủy lợi|giá đất|thuế'
).split('|');
const viRare = 'sạt lở đất|dịch tả lợn châu Phi|đê điều|hạn mặn|cao tốc Bắc Nam|di tích quốc gia'.split('|');
const ko = (
  '보고|결과|추진|계획|2026년|3분기|전자결재|디지털 전환|행정 혁신|민원|예산|집행|공공기관|위원회|서면회의|심의|의결|회의록|수당|지급|스마트워크|원격근무|영상회의|' +
  '구청|부서|협조|요청|통보|안내|시행|개정|조례|규칙|점검|결과 보고|안전|재난|교통|환경|복지|교육|문화|체육|관광|일자리|주민|참여|홍보'
).split('|');
const koRare = ['산사태', '아프리카돼지열병', '지방소멸', '폭염 대책', '미세먼지 저감'];
const en = (
  'report|results|implementation|plan|budget|quarterly|digital transformation|e-office|' +
  'administrative reform|online public services|investment|disbursement|rural development|health|' +
  'education|disaster prevention|traffic safety|environment|land use|planning|committee|' +
  'meeting minutes|request|coordination|deadline|review|approval|notice|cooperation|international|' +
  'training|staff|procurement|audit|statistics|survey'
).split('|');
const enRare = ['landslide', 'swine fever', 'heatwave response', 'cybersecurity incident', 'ozone'];

const literal = (words: string[]) =>
  `array[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]::text[]`;
const uuids = (ids: (string | null)[]) =>
  `array[${ids.map((i) => (i ? `'${i}'` : 'null')).join(',')}]::uuid[]`;
/** One phrase drawn at random (random() is evaluated for every row). */
const pick = (arr: string) => `(${arr})[1 + floor(random() * array_length(${arr}, 1))::int]`;
/** min … min+spread-1 phrases; the reference to s.i makes the subquery run again for every row. */
const phrases = (arr: string, min: number, spread: number) =>
  `(select string_agg(${pick(arr)}, ' ') from generate_series(1, ${min} + s.i % ${spread}) k)`;
const byLang = (f: (common: string, rare: string) => string) =>
  `case lang when 'vi' then ${f(literal(vi), literal(viRare))} when 'ko' then ${f(literal(ko), literal(koRare))}
     else ${f(literal(en), literal(enRare))} end`;

type Office = { code: string; id: string; drafter: string; unit: string | null };

async function offices(db: Database['db']) {
  const rows = await selectRows<Office>(
    db,
    sql`select a.code, a.id, p.user_id as drafter, p.unit_id as unit from agencies a
        join posts p on p.agency_id = a.id and p.role = 'official' and p.active
        join users u on u.id = p.user_id
        where a.code in ('UBND-LS','UBND-TP','UBND-HA','UBND-PL','HANBIT-GU') order by a.code, u.username`,
  );
  const vn = rows.filter((r) => r.code !== 'HANBIT-GU');
  const kr = rows.filter((r) => r.code === 'HANBIT-GU');
  if (vn.length === 0 || kr.length === 0) throw new Error('the demo organisation is not seeded');
  const province = vn.find((r) => r.code === 'UBND-LS')!.id;
  return { vn, kr, province, communes: [...new Set(vn.map((r) => r.id))].filter((id) => id !== province) };
}

/** One batch: documents s.i in [from, to] (drafted by the office at ag), and the deliveries of half the issued. */
function batchSql(o: Awaited<ReturnType<typeof offices>>, from: number, to: number) {
  const office = (f: keyof Office) =>
    `case when lang = 'ko' then (${uuids(o.kr.map((x) => x[f]))})[ag] else (${uuids(o.vn.map((x) => x[f]))})[ag] end`;
  const received = 'number % 10 <> 3';
  return `
with src as (
  select g.i, case when g.i % 10 < 7 then 'vi' when g.i % 10 < 9 then 'ko' else 'en' end as lang, g.i % 25 <> 0 as issued,
    now() - random() * interval '1000 days' as at
  from generate_series(${from}, ${to}) g(i)
), txt as (
  select s.*, case when lang = 'ko' then 1 + s.i % ${o.kr.length} else 1 + s.i % ${o.vn.length} end as ag,
    case when lang = 'ko' then 'GIAN' else ${pick("array['CV','CV','CV','QĐ','TB','KH','BC','TTr','GM']")} end as type_code,
    ${byLang((c) => phrases(c, 6, 6))} as subject,
    ${byLang((c, r) => `${phrases(c, 30, 25)} || case when random() < 0.002 then ' ' || ${pick(r)} else '' end`)} as body
  from src s
), ins as (
  insert into documents (agency_id, unit_id, drafter_id, type_code, subject, body_html, body_text, status, register,
    number, number_year, number_text, issued_at, search_text, created_at, updated_at)
  select ${office('id')}, ${office('unit')}, ${office('drafter')}, type_code, subject, '<p>' || body || '</p>', body,
    case when issued then 'issued' else 'draft' end, case when issued then 'outgoing' end,
    case when issued then i end, case when issued then extract(year from at)::int end,
    case when not issued then null when lang = 'ko' then '기획예산과-' || i
      when type_code = 'CV' then i || '/UBND-VX' else i || '/' || type_code || '-UBND' end,
    case when issued then at end, subject || E'\\n' || body, at - interval '2 days', at
  from txt
  returning id, agency_id, number, number_year, issued_at
)
insert into deliveries (document_id, from_agency_id, to_agency_id, state, sent_at, received_at, incoming_number,
  incoming_year, handling)
select id, agency_id, to_agency, case when ${received} then 'received' else 'sent' end, issued_at,
  case when ${received} then issued_at + interval '1 hour' end,
  case when ${received} then row_number() over (partition by to_agency, number_year, ${received} order by number)
    + coalesce((select max(incoming_number) from deliveries x where x.to_agency_id = to_agency and x.incoming_year = number_year), 0) end,
  case when ${received} then number_year end, case when ${received} then 'closed' else 'unassigned' end
from (select ins.*, case when agency_id = '${o.province}' then (${uuids(o.communes)})[1 + number % ${o.communes.length}]
        else '${o.province}'::uuid end as to_agency from ins where number % 2 = 0) d`;
}

/** Adds `count` documents; drops the search indexes for large loads and rebuilds them after (faster). */
export async function generateDocuments(
  database: Database,
  count: number,
  opts: { batch?: number; log?: (line: string) => void } = {},
) {
  const db = database.db;
  const log = opts.log ?? (() => {});
  const o = await offices(db);
  const [{ n: existing } = { n: 0 }] = await selectRows<{ n: number }>(
    db,
    sql`select coalesce(max(number), 0)::int as n from documents`,
  );
  // The trigram and 1-/2-gram indexes are dropped for large loads and built again after (faster).
  const idx = await selectRows<{ name: string; def: string }>(
    db,
    sql`select indexname as name, indexdef as def from pg_indexes where indexname in ('documents_search', 'documents_grams')`,
  );
  const rebuild = count >= 50_000 && idx.length > 0;
  if (rebuild) for (const i of idx) await db.execute(sql.raw(`drop index ${i.name}`));
  const batch = opts.batch ?? 50_000;
  const t0 = Date.now();
  for (let from = existing + 1; from <= existing + count; from += batch) {
    const to = Math.min(existing + count, from + batch - 1);
    await db.execute(sql.raw(batchSql(o, from, to)));
    log(`  generated ${to - existing} / ${count} documents (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
  await db.execute(sql`insert into number_sequences (agency_id, register, year, last)
    select agency_id, 'outgoing', number_year, max(number) from documents where register = 'outgoing' group by 1, 3
    union all select to_agency_id, 'incoming', incoming_year, max(incoming_number) from deliveries where incoming_number is not null group by 1, 3
    on conflict (agency_id, register, year) do update set last = greatest(number_sequences.last, excluded.last)`);
  if (rebuild) {
    const t1 = Date.now();
    await db.execute(
      sql.raw(`set maintenance_work_mem = '${database.kind === 'postgres' ? '1GB' : '256MB'}'`),
    );
    for (const i of idx) await db.execute(sql.raw(i.def));
    log(`  rebuilt the search indexes in ${Math.round((Date.now() - t1) / 1000)} s`);
  }
  await db.execute(sql`analyze documents`);
  await db.execute(sql`analyze deliveries`);
  return { seconds: Math.round((Date.now() - t0) / 1000) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL (a seeded CivicDesk database)');
  const database = await openDatabase({ databaseUrl: url });
  await generateDocuments(database, Number(process.argv[2] ?? 100_000), { log: console.log });
  await database.close();
}
