-- A refused export (DOC-05) is recorded too, with its reason; a print or an export that went ahead has none.
alter table record_release add column refused varchar(40);
