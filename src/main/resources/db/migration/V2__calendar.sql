-- The operator's own closed days (e.g. 年末年始), on top of Saturdays, Sundays and national holidays, which are
-- computed and never stored.
create table operator_holiday (
    day        date        primary key,
    name       text        not null check (char_length(btrim(name)) between 1 and 100),
    created_at timestamptz not null
);
