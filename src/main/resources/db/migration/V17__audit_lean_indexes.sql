-- The audit chain takes every access of the network: each index on audit_event is paid by every append. The index
-- on hash served only the verification's look-ups at a broken link, which are rare (an altered chain) and may scan;
-- it goes. Entry ids are time-ordered from now on (UUID version 7), so their unique index grows at its end.
drop index audit_event_hash;
