package org.renkei.identity;

import javax.sql.DataSource;
import org.renkei.platform.database.SharedRead;
import org.springframework.stereotype.Component;

/**
 * The version of everything an IC card's standing rests on (table {@code standing_version}): counted up by the
 * database, at commit, whenever a card registration, a staff member or a facility changes — whichever node or
 * tool changed it. While it stays the same, a card's last successful check still holds (see {@link CardVerifier}).
 */
@FunctionalInterface
interface StandingVersion {

    /** The version as committed when this call began (or later). */
    long current();

    @Component
    final class FromDatabase implements StandingVersion {

        /** Read before every API request: one query for the requests that ask at the same time. */
        private final SharedRead<Long> version;

        FromDatabase(DataSource dataSource) {
            this.version = SharedRead.committedNumber(dataSource, "select version from standing_version");
        }

        @Override
        public long current() {
            Long current = version.read();
            return current == null ? 0 : current;
        }
    }
}
