package org.renkei.access;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.renkei.identity.Actor;

/**
 * One node's picture, in memory, of everything an access decision depends on: which facilities and users are
 * active, and each participant's registered consent. It answers a decision with a few hash look-ups and a binary
 * search, without the database; {@link ViewSync} keeps it current with the committed state.
 *
 * <p>Facilities get a dense {@code int} index on first sight, so that a participant's consent is two sorted
 * {@code int[]} (permitted, denied) rather than sets of UUIDs. A facility or user the view has never been told
 * about is not active: every facility and user is registered as applying, and each later change of state is
 * journalled, so one the view does not know has not become active since it was loaded.
 *
 * <p>Readers take no lock: the maps are concurrent and every participant entry is immutable, replaced whole. Only
 * one writer (the node's {@link ViewSync}, under its lock) changes a view; it writes the entities first and the
 * version last, so a reader that sees a version sees at least every change up to it.
 */
final class AccessView {

    private static final int[] NONE = new int[0];

    /** A facility of the network: its dense index and whether it is active. */
    static final class FacilitySlot {
        final int index;
        volatile boolean active;

        FacilitySlot(int index) {
            this.index = index;
        }
    }

    /** A participant's registered consent, compactly: facility indexes, sorted. */
    static final class Consent {
        final boolean participating;
        final int[] permitted;
        final int[] denied;

        Consent(boolean participating, int[] permitted, int[] denied) {
            this.participating = participating;
            this.permitted = permitted;
            this.denied = denied;
        }

        boolean permits(int facility) {
            return Arrays.binarySearch(permitted, facility) >= 0;
        }

        boolean denies(int facility) {
            return denied.length > 0 && Arrays.binarySearch(denied, facility) >= 0;
        }
    }

    private final ConcurrentHashMap<UUID, FacilitySlot> facilities;
    private final ConcurrentHashMap<UUID, Boolean> activeStaff;
    private final ConcurrentHashMap<UUID, Consent> participants;
    private int nextFacility;
    private volatile long version;

    AccessView(long version) {
        this(version, 4096, 1024);
    }

    /** A view sized for about this many participants and users, at the given journal version. */
    AccessView(long version, int expectedParticipants, int expectedStaff) {
        this.facilities = new ConcurrentHashMap<>(1024);
        this.activeStaff = new ConcurrentHashMap<>(expectedStaff);
        this.participants = new ConcurrentHashMap<>(expectedParticipants);
        this.version = version;
    }

    /** The journal version this view is current with: every change up to it is in the view. */
    long version() {
        return version;
    }

    void advanceTo(long newVersion) {
        if (newVersion > version) {
            version = newVersion;
        }
    }

    // --- the decision

    Reason decide(AccessRequest request) {
        return AccessPolicy.decide(request, facts(request));
    }

    AccessPolicy.Facts facts(AccessRequest request) {
        Actor actor = request.actor();
        FacilitySlot facility = actor.facilityId() == null ? null : facilities.get(actor.facilityId());
        boolean userActive = actor.staffId() != null && activeStaff.containsKey(actor.staffId());
        Consent consent = participants.get(request.participant());
        boolean permitted = false;
        boolean denied = false;
        if (consent != null && facility != null) {
            permitted = consent.permits(facility.index);
            denied = consent.denies(facility.index);
        }
        return new AccessPolicy.Facts(facility != null && facility.active, userActive, consent != null,
                consent != null && consent.participating, permitted, denied);
    }

    // --- changes (one writer at a time)

    void facility(UUID id, boolean active) {
        slot(id).active = active;
    }

    void staff(UUID id, boolean active) {
        if (active) {
            activeStaff.put(id, Boolean.TRUE);
        } else {
            activeStaff.remove(id);
        }
    }

    void participant(ParticipantConsent consent) {
        participants.put(consent.participant(),
                new Consent(consent.participating(), indexes(consent.permitted()), indexes(consent.denied())));
    }

    /** The participant is gone from the registered consent (never registered, or removed). */
    void noParticipant(UUID participant) {
        participants.remove(participant);
    }

    private FacilitySlot slot(UUID id) {
        FacilitySlot slot = facilities.get(id);
        if (slot == null) {
            slot = new FacilitySlot(nextFacility++);
            facilities.put(id, slot);
        }
        return slot;
    }

    private int[] indexes(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return NONE;
        }
        int[] result = new int[ids.size()];
        int i = 0;
        for (UUID id : ids) {
            result[i++] = slot(id).index;
        }
        Arrays.sort(result);
        return result;
    }

    // --- for tests and the benchmark

    int participantCount() {
        return participants.size();
    }

    int facilityCount() {
        return facilities.size();
    }
}
