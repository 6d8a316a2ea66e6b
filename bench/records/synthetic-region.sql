-- A synthetic region for the shared-records benchmark, added beside the demo region (profile demo must have run
-- once on this database): :participants participants who permit みどり市民病院 (and one or two other demo
-- facilities), each with :per records (lab results) stored by さくら内科クリニック, every one with its version row.
-- Idempotent: does nothing if the synthetic participants are already there.
\set ON_ERROR_STOP on
begin;

select exists (select 1 from participant where family_name = '合成') as already \gset
\if :already
  \echo synthetic region already loaded
  rollback;
  \q
\endif

create temporary table bench_facility as
select (select id from facility where code = '4310100013') as hospital,
       (select id from facility where name = 'さくら内科クリニック') as clinic,
       (select id from facility where name = 'みどり調剤薬局 中央店') as pharmacy;
create temporary table bench_author as
select s.id as staff, s.facility_id as facility
from staff_member s join bench_facility f on s.facility_id = f.clinic
where s.profession = 'DOCTOR' and s.status = 'ACTIVE' limit 1;

create temporary table bench_participant as
select i, md5('participant-' || i)::uuid as id from generate_series(1, :participants) as i;

insert into participant (id, card_number, family_name, given_name, family_name_kana, given_name_kana, birth_date,
                         sex, phone, participating, joined_on, created_at, updated_at)
select id, '8' || lpad(i::text, 11, '0'), '合成', '患者' || i, 'ゴウセイ', 'カンジャ', date '1930-01-01' + (i % 30000),
       case when i % 2 = 0 then 'FEMALE' else 'MALE' end, '0964-00-0000', true, current_date, now(), now()
from bench_participant;

insert into participant_card (card_number, participant_id, issued_at)
select '8' || lpad(i::text, 11, '0'), id, now() from bench_participant;

insert into participant_facility (participant_id, facility_id, patient_number, permitted, denied, since)
select p.id, f.hospital, 'B' || p.i, true, false, now() from bench_participant p, bench_facility f
union all
select p.id, f.clinic, 'S' || p.i, true, false, now() from bench_participant p, bench_facility f
union all
select p.id, f.pharmacy, null, true, false, now() from bench_participant p, bench_facility f where p.i % 3 = 0;

create temporary table bench_lab (n, system, code, display, unit, low, high) as values
  (0, 'http://jpfhir.jp/fhir/clins/CodeSystem/JLAC10/JP_CLINS_ObsLabResult_CoreLabo_CS', '3D046000001906202', 'HbA1c-NGSP', '%', 4.6, 6.2),
  (1, 'http://jpfhir.jp/fhir/clins/CodeSystem/JLAC10/JP_CLINS_ObsLabResult_CoreLabo_CS', '3D010129902227101', 'BS', 'mg/dL', 70, 109),
  (2, 'http://medis.or.jp/CodeSystem/master-JLAC10-17digits', '3B035000002327201', 'AST', 'U/L', 13, 30),
  (3, 'http://medis.or.jp/CodeSystem/master-JLAC10-17digits', '3B045000002327201', 'ALT', 'U/L', 10, 42);

create temporary table bench_record as
select md5('record-' || p.i || '-' || k)::uuid as id, p.id as participant, k,
       now() - make_interval(days => k * 30 + (p.i % 7)) as effective,
       l.system, l.code, l.display, l.unit, round((l.low + (l.high - l.low) * ((p.i * 7 + k * 13) % 100) / 80.0)::numeric, 1) as value
from bench_participant p cross join generate_series(1, :per) as k join bench_lab l on l.n = k % 4;

insert into record (id, resource_type, category, participant_id, author_facility_id, author_staff_id, version, status,
                    effective_at, code_system, code, display, original, content, created_at, updated_at)
select r.id, 'Observation', 'LAB_RESULT', r.participant, a.facility, a.staff, 1, 'CURRENT', r.effective, r.system,
       r.code, r.display, false,
       -- the content as the server stores a resource (HAPI's compact JSON: id, no meta, elements in their order)
       '{"resourceType":"Observation","id":"' || r.id || '","status":"final","category":[{"coding":[{"system":'
           || '"http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS","code":"laboratory"}]}],'
           || '"code":{"coding":[{"system":' || to_json(r.system) || ',"code":' || to_json(r.code) || ',"display":'
           || to_json(r.display) || '}],"text":' || to_json(r.display) || '},"subject":{"reference":"Patient/'
           || r.participant || '"},"effectiveDateTime":"'
           || to_char(r.effective at time zone 'Asia/Tokyo', 'YYYY-MM-DD"T"HH24:MI:SS"+09:00"')
           || '","valueQuantity":{"value":' || r.value || ',"unit":' || to_json(r.unit)
           || ',"system":"http://unitsofmeasure.org","code":' || to_json(r.unit) || '}}',
       now(), now()
from bench_record r cross join bench_author a;

insert into record_version (record_id, version, status, content, stored_at, stored_by, facility_id)
select r.id, 1, 'CURRENT', r.content, r.created_at, r.author_staff_id, r.author_facility_id
from record r join bench_record b on b.id = r.id;

commit;
analyze participant;
analyze participant_facility;
analyze record;
analyze record_version;
