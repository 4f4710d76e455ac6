-- Key columns compare as bytes (issue 18). Every indexed text column of the schema takes the "C"
-- collation, so index insertion and lookups compare ids with memcmp instead of the database locale's
-- strcoll: a profile of the cloud worker at saturation found text comparisons in 17 % of
-- PostgreSQL's time. It is also SQLite's order (BINARY), so both backends sort ids alike. On a
-- database created with C.UTF-8 the order does not change; under a language locale such as
-- en_US.UTF-8 ids sort by code point from now on (uppercase before lowercase).
--
-- PostgreSQL refuses to change the type of a column that a policy uses, so the tenant policies are
-- copied, dropped, and created again unchanged in the same transaction: Row-Level Security is never
-- off for anyone else, since no other transaction sees the schema between the two. The indexes of
-- each table are rebuilt once (one ALTER TABLE per table); the rows are not rewritten.
-- Tables of other roles or of extensions in the same schema are left alone.
-- New indexed text columns must be declared COLLATE "C": PostgresKeyCollationTest fails otherwise.
do $$
declare
  -- why: only this schema's own tables; another role's or an extension's table in public (PostGIS
  -- puts one there) cannot be altered by the owner and is not ours to change
  ours oid[] := array(
    select c.oid from pg_class c join pg_namespace s on s.oid = c.relnamespace
    where s.nspname = 'public' and c.relkind in ('r', 'p')
      and c.relowner = (select oid from pg_roles where rolname = current_user)
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                      and d.objid = c.oid and d.deptype = 'e'));
  pol record;
  tbl record;
  saved jsonb := '[]'::jsonb;
  p jsonb;
begin
  for pol in
    select p.* from pg_policies p
    where p.schemaname = 'public'
      and to_regclass(format('public.%I', p.tablename)) = any (ours)
  loop
    saved := saved || jsonb_build_object('table', pol.tablename, 'name', pol.policyname,
      'permissive', pol.permissive, 'roles', to_jsonb(pol.roles), 'cmd', pol.cmd,
      'using', pol.qual, 'check', pol.with_check);
    execute format('drop policy %I on public.%I', pol.policyname, pol.tablename);
  end loop;

  for tbl in
    select c.relname,
           string_agg(format('alter column %I type %s collate "C"', a.attname,
                             format_type(a.atttypid, a.atttypmod)), ', ' order by a.attnum) as clauses
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    where c.oid = any (ours) and not c.relispartition
      and a.attnum > 0 and not a.attisdropped
      and a.atttypid in ('text'::regtype, 'varchar'::regtype)
      and a.attcollation = 'default'::regcollation
      and exists (select 1 from pg_index i where i.indrelid = c.oid and a.attnum = any (i.indkey::int2[]))
    group by c.relname
    order by c.relname
  loop
    -- why: on a partitioned table the change reaches every partition and their indexes
    execute format('alter table public.%I %s', tbl.relname, tbl.clauses);
  end loop;

  for p in select * from jsonb_array_elements(saved) loop
    execute format('create policy %I on public.%I as %s for %s to %s%s%s',
      p->>'name', p->>'table', p->>'permissive', p->>'cmd',
      (select string_agg(case when r = 'public' then 'public' else quote_ident(r) end, ', ')
         from jsonb_array_elements_text(p->'roles') r),
      case when p->>'using' is null then '' else format(' using (%s)', p->>'using') end,
      case when p->>'check' is null then '' else format(' with check (%s)', p->>'check') end);
  end loop;
end $$;
