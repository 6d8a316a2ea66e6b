package org.renkei.identity;

import org.renkei.platform.database.CommittedVersions;
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

    /**
     * Whether this request may go ahead on {@code version} without reading the version now, with {@code recheck} run
     * on the confirmed version should it be another (see {@link CommittedVersions.Counter#tentativelyAt}); never,
     * unless the version is read from the database.
     */
    default boolean tentativelyAt(long version, Runnable recheck) {
        return false;
    }

    @Component
    final class FromDatabase implements StandingVersion {

        /** Read before every API request, with the other version counters, in one query. */
        private final CommittedVersions.Counter version;

        FromDatabase(CommittedVersions versions) {
            this.version = versions.counter("standing_version");
        }

        @Override
        public long current() {
            return version.current();
        }

        @Override
        public boolean tentativelyAt(long version, Runnable recheck) {
            return this.version.tentativelyAt(version, recheck);
        }
    }
}
