package org.renkei.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The CA's rows: its certificate and encrypted key ({@code network_ca}) and its CRLs ({@code network_ca_crl}). */
@Repository
class NetworkCaStore {

    /** The advisory lock taken while the first CA is created (any constant the application uses only here). */
    private static final long CREATION_LOCK = 0x52454e4b4549_4341L;

    private final JdbcClient jdbc;

    NetworkCaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredCa(UUID id, String subjectDn, byte[] certificate, byte[] encryptedKey, Instant createdAt) {
    }

    record StoredCrl(long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {
    }

    Optional<StoredCa> current() {
        return jdbc.sql("select * from network_ca where current").query((rs, n) -> new StoredCa(
                rs.getObject("id", UUID.class), rs.getString("subject_dn"), rs.getBytes("certificate"),
                rs.getBytes("private_key"), rs.getTimestamp("created_at").toInstant())).optional();
    }

    /** Waits until no other node is creating the CA; held until the transaction ends. */
    void lockForCreation() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", CREATION_LOCK)
                .query(Integer.class).single();
    }

    void insert(StoredCa ca) {
        jdbc.sql("""
                insert into network_ca (id, subject_dn, certificate, private_key, created_at, current)
                values (:id, :subject, :certificate, :key, :at, true)""")
                .param("id", ca.id()).param("subject", ca.subjectDn()).param("certificate", ca.certificate())
                .param("key", ca.encryptedKey()).param("at", Timestamp.from(ca.createdAt())).update();
    }

    /** Locks the CA's row, so that CRLs are numbered and built one at a time across all nodes. */
    void lock(UUID caId) {
        jdbc.sql("select id from network_ca where id = :id for update").param("id", caId).query(UUID.class).single();
    }

    long lastCrlNumber(UUID caId) {
        return jdbc.sql("select coalesce(max(crl_number), 0) from network_ca_crl where ca_id = :ca")
                .param("ca", caId).query(Long.class).single();
    }

    void insertCrl(UUID caId, StoredCrl crl) {
        jdbc.sql("""
                insert into network_ca_crl (ca_id, crl_number, this_update, next_update, crl)
                values (:ca, :number, :thisUpdate, :nextUpdate, :der)""")
                .param("ca", caId).param("number", crl.number())
                .param("thisUpdate", Timestamp.from(crl.thisUpdate()))
                .param("nextUpdate", Timestamp.from(crl.nextUpdate())).param("der", crl.der()).update();
    }

    /** The newest CRL's number and times, without its bytes. */
    Optional<StoredCrl> latestCrlHeader(UUID caId) {
        return jdbc.sql("""
                select crl_number, this_update, next_update from network_ca_crl where ca_id = :ca
                order by crl_number desc limit 1""")
                .param("ca", caId)
                .query((rs, n) -> new StoredCrl(rs.getLong("crl_number"), rs.getTimestamp("this_update").toInstant(),
                        rs.getTimestamp("next_update").toInstant(), null))
                .optional();
    }

    Optional<StoredCrl> crl(UUID caId, long number) {
        return jdbc.sql("select * from network_ca_crl where ca_id = :ca and crl_number = :number")
                .param("ca", caId).param("number", number)
                .query((rs, n) -> new StoredCrl(rs.getLong("crl_number"), rs.getTimestamp("this_update").toInstant(),
                        rs.getTimestamp("next_update").toInstant(), rs.getBytes("crl")))
                .optional();
    }

    /** Notes who revoked a card certificate (the registry itself keeps when and why). */
    void recordRevoker(UUID certificateId, String revokedBy) {
        jdbc.sql("update card_certificate set revoked_by = :by where id = :id")
                .param("by", revokedBy).param("id", certificateId).update();
    }

    Optional<String> revoker(UUID certificateId) {
        return jdbc.sql("select revoked_by from card_certificate where id = :id").param("id", certificateId)
                .query(String.class).optional();
    }
}
