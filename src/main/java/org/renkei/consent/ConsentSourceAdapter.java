package org.renkei.consent;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.renkei.access.ConsentSource;
import org.renkei.access.ParticipantConsent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registered consent, as the access view reads it. */
@Component
class ConsentSourceAdapter implements ConsentSource {

    private static final String CONSENT = """
            select p.id, p.participating,
                   coalesce(array_agg(f.facility_id) filter (where f.permitted), '{}') as permitted,
                   coalesce(array_agg(f.facility_id) filter (where f.denied), '{}') as denied
            from participant p left join participant_facility f on f.participant_id = p.id
            """;

    private final JdbcClient jdbc;

    ConsentSourceAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ParticipantConsent> consentOf(UUID participant) {
        return jdbc.sql(CONSENT + " where p.id = :id group by p.id").param("id", participant)
                .query((rs, n) -> map(rs)).optional();
    }

    @Override
    public void forEach(Consumer<ParticipantConsent> each) {
        jdbc.sql(CONSENT + " group by p.id").query(rs -> {
            each.accept(map(rs));
        });
    }

    private static ParticipantConsent map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ParticipantConsent(rs.getObject("id", UUID.class), rs.getBoolean("participating"),
                uuids(rs.getArray("permitted")), uuids(rs.getArray("denied")));
    }

    private static Set<UUID> uuids(java.sql.Array array) throws java.sql.SQLException {
        Set<UUID> set = new HashSet<>();
        for (Object o : (Object[]) array.getArray()) {
            set.add((UUID) o);
        }
        return set;
    }
}
