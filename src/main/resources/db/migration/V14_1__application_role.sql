-- The application connects as its own role (placeholder app-role, renkei_app by default), which owns nothing:
-- it may read and write the tables, but never change or remove audit entries or checkpoints (AUD-03). Migrations
-- run as the database owner. Without such a role (an installation that connects as the owner) nothing is granted
-- here and only the append-only triggers guard the audit tables.
do $$
declare
    app text := '${app-role}';
begin
    if exists (select 1 from pg_roles where rolname = app) then
        execute format('grant usage on schema public to %I', app);
        execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
        execute format('grant usage, select on all sequences in schema public to %I', app);
        execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
        execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
        execute format('revoke update, delete, truncate on audit_event, audit_checkpoint from %I', app);
    end if;
end
$$;
