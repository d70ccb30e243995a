import Database from 'better-sqlite3';
import { prepareDatabase } from './prepare';

async function main() {
  const options = { dataDir: '/tmp/demo-cs', databasePath: '/tmp/demo-cs/b.db', demo: true };
  await prepareDatabase(options);
  const sqlite = new Database(options.databasePath, { readonly: true });
  const q = (sql: string) => sqlite.prepare(sql).all();
  console.log('case studies', q('select count(*) n from case_studies'));
  console.table(q('select status, count(*) n from case_studies group by status'));
  console.table(q('select visibility, count(*) n from case_studies group by visibility'));
  console.table(q('select visibility, status, count(*) n from case_studies group by visibility, status'));
  console.table(q('select language, count(*) n from case_studies group by language'));
  console.table(q("select coalesce(e.slug, '(none)') event, count(*) n from case_studies c left join events e on e.id = c.event_id group by e.slug"));
  console.table(q('select o.name, count(*) n from case_studies c join organisations o on o.id = c.organisation_id group by o.name'));
  console.table(q('select country_code, count(*) n from case_study_countries group by country_code'));
  console.table(q('select population_key, count(*) n from case_study_populations group by population_key'));
  console.table(q("select e.slug, c.opens_on, c.deadline, (select count(*) from call_organisations co where co.call_id = c.id) orgs, (select count(*) from case_studies cs where cs.call_id = c.id) case_studies from calls c join events e on e.id = c.event_id"));
  console.log('revisions', q('select count(*) n from case_study_revisions'), 'transitions', q('select count(*) n from case_study_transitions'), 'comments', q('select count(*) n from review_comments'));
  console.table(q("select o.name org, c.status, (select count(*) from case_study_revisions r where r.case_study_id = c.id) revs, (select count(*) from review_comments r where r.case_study_id = c.id) comments, (select group_concat(from_status || '>' || to_status, ' ') from case_study_transitions t where t.case_study_id = c.id) path, datetime(c.created_at/1000,'unixepoch') created, datetime(c.submitted_at/1000,'unixepoch') submitted, datetime(c.published_at/1000,'unixepoch') published, datetime(c.updated_at/1000,'unixepoch') updated from case_studies c join organisations o on o.id = c.organisation_id order by c.created_at"));
  const words = q("select c.title, group_concat(s.plain_text, ' ') text from case_studies c join case_study_sections s on s.case_study_id = c.id group by c.id") as { title: string; text: string }[];
  const counts = words.map((row) => ({ title: row.title.slice(0, 60), words: row.text.split(/\s+/).filter(Boolean).length }));
  console.table(counts.sort((a, b) => a.words - b.words));
  const values = counts.map((c) => c.words);
  const min = Math.min(...values), max = Math.max(...values), avg = values.reduce((a, b) => a + b, 0) / values.length;
  console.log({ min, max, avg: Math.round(avg) });
  if (min < 300 || max > 900) throw new Error('word count out of range');
  const thin = q("select c.title, s.key, length(s.plain_text) - length(replace(s.plain_text, ' ', '')) + 1 words from case_study_sections s join case_studies c on c.id = s.case_study_id where words < 60 order by words");
  console.table(thin);
  sqlite.close();
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
