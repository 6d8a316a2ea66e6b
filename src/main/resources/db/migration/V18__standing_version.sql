-- The version of everything an IC card's standing rests on (identity module): the card's registration, its user
-- and the user's facility. Any change of those rows counts it up when its transaction commits, so a node may keep
-- a card it has checked while the number stays the same — and sees the next revocation, suspension or
-- withdrawal on its next request, from whichever node it was made. The triggers are deferred to the commit: the
-- row lock is taken last, after every other lock of the transaction (and after access_version's, which Renkei
-- takes just before its commit), so it cannot deadlock with them; a rolled-back change counts nothing.
create table standing_version (
    id      boolean primary key default true check (id),
    version bigint  not null check (version >= 0)
);
insert into standing_version (id, version) values (true, 0);

create function standing_changed() returns trigger language plpgsql as $$
begin
    update standing_version set version = version + 1;
    return null;
end
$$;

create constraint trigger card_certificate_standing after insert or update or delete on card_certificate
    deferrable initially deferred for each row execute function standing_changed();
create constraint trigger staff_member_standing after insert or update or delete on staff_member
    deferrable initially deferred for each row execute function standing_changed();
create constraint trigger facility_standing after insert or update or delete on facility
    deferrable initially deferred for each row execute function standing_changed();
