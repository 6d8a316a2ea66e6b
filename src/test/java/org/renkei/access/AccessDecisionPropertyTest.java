package org.renkei.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.renkei.consent.ConsentState;
import org.renkei.facility.FacilityId;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.Profession;

/**
 * Random histories of registered consent forms, facility and user state changes, applied to the real view and
 * policy; after every step every decision — each facility's users (card and password sessions), the operator and
 * a facility administrator, for every participant (and one that does not exist), a few actions, kinds and
 * purposes — is checked against a small model of the requirements written here. Emergency activations and grants
 * (EMG-01…EMG-04) join the histories, and time passes, so that they expire.
 */
class AccessDecisionPropertyTest {

    /** Facilities 0…3 are active from the start; facility 4 and its user are still applying. */
    private static final int FACILITIES = 5;
    private static final int APPLYING = 4;
    private static final int PARTICIPANTS = 4;

    private static final Action[] ACTIONS = {Action.VIEW, Action.STORE, Action.FIND};
    private static final DataKind[] KINDS = {DataKind.CENTRE_RECORD, DataKind.CONSENT, DataKind.PARTICIPANT_PROFILE};
    private static final Duration SEARCH = Duration.ofHours(1);
    private static final Duration GRANT = Duration.ofHours(24);
    private static final Purpose[] PURPOSES = {Purpose.CARE, Purpose.EMERGENCY};

    enum Standing {
        APPLYING, ACTIVE, SUSPENDED, WITHDRAWN
    }

    sealed interface Step {
    }

    record Join(int participant, Set<Integer> facilities) implements Step {
    }

    record Add(int participant, Set<Integer> facilities) implements Step {
    }

    record Change(int participant, Set<Integer> deny, Set<Integer> lift) implements Step {
    }

    record Withdraw(int participant) implements Step {
    }

    record FacilityJoins(int facility) implements Step {
    }

    record SuspendFacility(int facility) implements Step {
    }

    record ReinstateFacility(int facility) implements Step {
    }

    record FacilityWithdraws(int facility) implements Step {
    }

    record UserJoins(int facility) implements Step {
    }

    record SuspendUser(int facility) implements Step {
    }

    record ReinstateUser(int facility) implements Step {
    }

    /** The user of the facility presses the emergency button (the emergency module checks the card). */
    record Activate(int facility) implements Step {
    }

    /** The user of the facility opens the participant in an emergency. */
    record Grant(int facility, int participant) implements Step {
    }

    /** The operator flags the user's emergency access as misuse: everything open ends. */
    record EndEmergency(int facility) implements Step {
    }

    /** Time passes. */
    record Tick(int minutes) implements Step {
    }

    /** The world as the requirements describe it, and the view told of each change as the journal would. */
    static final class World {
        final UUID[] facilityIds = new UUID[FACILITIES];
        final UUID[] staffIds = new UUID[FACILITIES];
        final UUID[] participantIds = new UUID[PARTICIPANTS];
        final Standing[] facility = new Standing[FACILITIES];
        final Standing[] user = new Standing[FACILITIES];
        final ConsentState[] consent = new ConsentState[PARTICIPANTS];
        final Instant[] searchUntil = new Instant[FACILITIES];
        final Instant[][] grantedUntil = new Instant[FACILITIES][PARTICIPANTS];
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        final AccessView view = new AccessView(0);

        World() {
            for (int f = 0; f < FACILITIES; f++) {
                facilityIds[f] = UUID.randomUUID();
                staffIds[f] = UUID.randomUUID();
                facility[f] = f == APPLYING ? Standing.APPLYING : Standing.ACTIVE;
                user[f] = f == APPLYING ? Standing.APPLYING : Standing.ACTIVE;
                // the view loads what exists; an applying facility and user it has not been told about
                if (f != APPLYING) {
                    view.facility(facilityIds[f], true);
                    view.staff(staffIds[f], true);
                }
            }
            for (int p = 0; p < PARTICIPANTS; p++) {
                participantIds[p] = UUID.randomUUID();
            }
        }

        void apply(Step step) {
            if (step instanceof Join j) {
                if (consent[j.participant()] == null || !consent[j.participant()].participating()) {
                    form(j.participant(), ConsentState.NONE.joined(ids(j.facilities())));
                }
            } else if (step instanceof Add a) {
                if (consent[a.participant()] != null) {
                    form(a.participant(), consent[a.participant()].added(ids(a.facilities())));
                }
            } else if (step instanceof Change c) {
                if (consent[c.participant()] != null) {
                    form(c.participant(), consent[c.participant()].changed(ids(c.deny()), ids(c.lift())));
                }
            } else if (step instanceof Withdraw w) {
                if (consent[w.participant()] != null) {
                    form(w.participant(), consent[w.participant()].withdrawn());
                }
            } else if (step instanceof FacilityJoins j) {
                facility(j.facility(), Standing.APPLYING, Standing.ACTIVE);
            } else if (step instanceof SuspendFacility s) {
                facility(s.facility(), Standing.ACTIVE, Standing.SUSPENDED);
            } else if (step instanceof ReinstateFacility r) {
                facility(r.facility(), Standing.SUSPENDED, Standing.ACTIVE);
            } else if (step instanceof FacilityWithdraws w) {
                if (facility[w.facility()] == Standing.ACTIVE || facility[w.facility()] == Standing.SUSPENDED) {
                    facility(w.facility(), facility[w.facility()], Standing.WITHDRAWN);
                    // its users are withdrawn with it (FAC-04)
                    if (user[w.facility()] != Standing.WITHDRAWN) {
                        user(w.facility(), user[w.facility()], Standing.WITHDRAWN);
                    }
                }
            } else if (step instanceof UserJoins j) {
                if (facility[j.facility()] == Standing.ACTIVE) {
                    user(j.facility(), Standing.APPLYING, Standing.ACTIVE);
                }
            } else if (step instanceof SuspendUser s) {
                user(s.facility(), Standing.ACTIVE, Standing.SUSPENDED);
            } else if (step instanceof ReinstateUser r) {
                user(r.facility(), Standing.SUSPENDED, Standing.ACTIVE);
            } else if (step instanceof Activate a) {
                searchUntil[a.facility()] = now.plus(SEARCH);
                emergency(a.facility());
            } else if (step instanceof Grant g) {
                grantedUntil[g.facility()][g.participant()] = now.plus(GRANT);
                emergency(g.facility());
            } else if (step instanceof EndEmergency e) {
                searchUntil[e.facility()] = null;
                grantedUntil[e.facility()] = new Instant[PARTICIPANTS];
                emergency(e.facility());
            } else if (step instanceof Tick t) {
                now = now.plus(Duration.ofMinutes(t.minutes()));
            } else {
                throw new IllegalArgumentException(String.valueOf(step));
            }
        }

        /** Tells the view the user's open emergency access, as the emergency source reads it. */
        private void emergency(int f) {
            Map<UUID, Instant> grants = new HashMap<>();
            for (int p = 0; p < PARTICIPANTS; p++) {
                if (grantedUntil[f][p] != null && now.isBefore(grantedUntil[f][p])) {
                    grants.put(participantIds[p], grantedUntil[f][p]);
                }
            }
            Instant search = searchUntil[f] != null && now.isBefore(searchUntil[f]) ? searchUntil[f] : null;
            view.emergency(new StaffEmergency(staffIds[f], search, grants));
        }

        private boolean searching(int f) {
            return searchUntil[f] != null && now.isBefore(searchUntil[f]);
        }

        private boolean granted(int f, Integer p) {
            return p != null && grantedUntil[f][p] != null && now.isBefore(grantedUntil[f][p]);
        }

        private void form(int p, ConsentState state) {
            consent[p] = state;
            view.participant(new ParticipantConsent(participantIds[p], state.participating(), uuids(state.permitted()),
                    uuids(state.denied())));
        }

        private void facility(int f, Standing from, Standing to) {
            if (facility[f] == from) {
                facility[f] = to;
                view.facility(facilityIds[f], to == Standing.ACTIVE);
            }
        }

        private void user(int f, Standing from, Standing to) {
            if (user[f] == from) {
                user[f] = to;
                view.staff(staffIds[f], to == Standing.ACTIVE);
            }
        }

        private Set<FacilityId> ids(Set<Integer> facilities) {
            return facilities.stream().map(f -> new FacilityId(facilityIds[f])).collect(Collectors.toSet());
        }

        private static Set<UUID> uuids(Set<FacilityId> ids) {
            return ids.stream().map(FacilityId::value).collect(Collectors.toSet());
        }

        /** The reference: what the requirements say, for a user of facility {@code f} (or the others). */
        Reason expected(Actor actor, int f, Integer p, Action action, DataKind kind, Purpose purpose) {
            ConsentState c = p == null ? null : consent[p];
            if (actor.kind() == Actor.AccountKind.FACILITY_ADMINISTRATOR) {
                return Reason.NOT_ALLOWED_FOR_SESSION;
            }
            if (actor.kind() == Actor.AccountKind.OPERATOR) {
                boolean administration = (action == Action.FIND || action == Action.VIEW)
                        && (kind == DataKind.PARTICIPANT_PROFILE || kind == DataKind.CONSENT);
                if (!administration) {
                    return Reason.NOT_ALLOWED_FOR_SESSION;
                }
                if (purpose != Purpose.CARE) {
                    return Reason.PURPOSE_NOT_OPEN;
                }
                return c == null ? Reason.NO_SUCH_PARTICIPANT : Reason.OPERATOR_ADMINISTRATION;
            }
            if (facility[f] != Standing.ACTIVE) {
                return Reason.FACILITY_NOT_ACTIVE;                  // FAC-04, FAC-05
            }
            if (user[f] != Standing.ACTIVE) {
                return Reason.USER_NOT_ACTIVE;                      // USR-07
            }
            if ((action == Action.STORE || action == Action.UPDATE) && !actor.authLevel().isCard()) {
                return Reason.CARD_REQUIRED;                        // DOC-02
            }
            boolean card = actor.authLevel().isCard();
            boolean emergencySearch = purpose == Purpose.EMERGENCY && card && action == Action.FIND
                    && kind == DataKind.PARTICIPANT_PROFILE && searching(f);                  // EMG-01, EMG-03
            if (purpose != Purpose.CARE && !emergencySearch) {
                return Reason.PURPOSE_NOT_OPEN;
            }
            if (c == null) {
                return Reason.NO_SUCH_PARTICIPANT;                  // CON-01
            }
            if (!c.participating()) {
                return Reason.WITHDRAWN;                            // CON-06
            }
            if (emergencySearch) {
                return Reason.EMERGENCY_SEARCH;                     // EMG-01
            }
            // EMG-01, EMG-04: read-only, card only, until it expires
            boolean grant = card && (action == Action.VIEW || action == Action.FIND) && granted(f, p);
            FacilityId mine = new FacilityId(facilityIds[f]);
            if (c.denied().contains(mine)) {
                return grant ? Reason.EMERGENCY_GRANT : Reason.FACILITY_DENIED;               // CON-03
            }
            if (c.permitted().contains(mine)) {
                return Reason.CONSENT_PERMITS;                      // CON-02
            }
            return grant ? Reason.EMERGENCY_GRANT : Reason.FACILITY_NOT_PERMITTED;
        }

        /** Every decision the world allows asking, checked against the reference. */
        int checkEveryDecision() {
            int checked = 0;
            List<UUID> participants = new ArrayList<>(List.of(participantIds));
            participants.add(UUID.randomUUID());
            for (int f = 0; f < FACILITIES; f++) {
                List<Actor> actors = List.of(
                        staff(f, AuthLevel.USER_PKI_CARD), staff(f, AuthLevel.HPKI_CARD),
                        staff(f, AuthLevel.TEMPORARY_PASSWORD),
                        new Actor(UUID.randomUUID(), "admin", "管理", AuthLevel.FACILITY_ADMIN_PASSWORD,
                                Actor.AccountKind.FACILITY_ADMINISTRATOR, facilityIds[f]),
                        new Actor(UUID.randomUUID(), "operator", "運営", AuthLevel.OPERATOR_PASSWORD,
                                Actor.AccountKind.OPERATOR, null));
                for (Actor actor : actors) {
                    for (int i = 0; i < participants.size(); i++) {
                        Integer p = i < PARTICIPANTS ? i : null;
                        for (Action action : ACTIONS) {
                            for (DataKind kind : KINDS) {
                                for (Purpose purpose : PURPOSES) {
                                    var request = new AccessRequest(actor, participants.get(i), action, kind, purpose);
                                    Reason actual = view.decide(request, now);
                                    Reason expected = expected(actor, f, p, action, kind, purpose);
                                    if (actual != expected) {
                                        throw new AssertionError("%s of facility %d (%s), participant %s, %s %s %s: "
                                                .formatted(actor.kind(), f, actor.authLevel(), p, action, kind,
                                                        purpose) + "expected " + expected + " but was " + actual);
                                    }
                                    checked++;
                                }
                            }
                        }
                    }
                }
            }
            return checked;
        }

        /** CON-02 as the consent module states it: a card user sees exactly what the consent permits, or an
         * unexpired emergency grant opens (unless the participant withdrew), while their facility and they
         * themselves are active. */
        void checkConsentPermits() {
            for (int f = 0; f < FACILITIES; f++) {
                Actor card = staff(f, AuthLevel.USER_PKI_CARD);
                for (int p = 0; p < PARTICIPANTS; p++) {
                    boolean consentPermits = consent[p] != null && consent[p].permits(new FacilityId(facilityIds[f]));
                    boolean emergency = consent[p] != null && consent[p].participating() && granted(f, p);
                    boolean expected = (consentPermits || emergency) && facility[f] == Standing.ACTIVE
                            && user[f] == Standing.ACTIVE;
                    assertThat(view.decide(AccessRequest.of(card, participantIds[p], Action.VIEW,
                            DataKind.CENTRE_RECORD), now).permits()).isEqualTo(expected);
                }
            }
        }

        private Actor staff(int f, AuthLevel level) {
            return new Actor(UUID.randomUUID(), "user-" + f, "利用者", level, Actor.AccountKind.STAFF, facilityIds[f],
                    staffIds[f], Profession.NURSE);
        }
    }

    @Property(tries = 300)
    @Label("CON-02 CON-03 CON-06 FAC-04 FAC-05 USR-07 DOC-02 EMG-01 EMG-03 EMG-04: after every registered form, state change, emergency access and passing of time, every decision is what the requirements say")
    void everyDecisionFollowsTheRequirements(@ForAll("histories") List<Step> history) {
        World world = new World();
        world.checkEveryDecision();
        for (Step step : history) {
            world.apply(step);
            world.checkEveryDecision();
            world.checkConsentPermits();
        }
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Integer> participant = Arbitraries.integers().between(0, PARTICIPANTS - 1);
        Arbitrary<Integer> facility = Arbitraries.integers().between(0, FACILITIES - 1);
        Arbitrary<Set<Integer>> some = facility.set().ofMaxSize(3);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(participant, facility.set().ofMinSize(1).ofMaxSize(3)).as(Join::new)),
                Tuple.of(4, Combinators.combine(participant, some).as(Add::new)),
                Tuple.of(4, Combinators.combine(participant, some, some).as(Change::new)),
                Tuple.of(2, participant.map(Withdraw::new)),
                Tuple.of(1, Arbitraries.just(new FacilityJoins(APPLYING))),
                Tuple.of(1, Arbitraries.just(new UserJoins(APPLYING))),
                Tuple.of(2, facility.map(SuspendFacility::new)),
                Tuple.of(2, facility.map(ReinstateFacility::new)),
                Tuple.of(1, facility.map(FacilityWithdraws::new)),
                Tuple.of(2, facility.map(SuspendUser::new)),
                Tuple.of(2, facility.map(ReinstateUser::new)),
                Tuple.of(2, facility.map(Activate::new)),
                Tuple.of(3, Combinators.combine(facility, participant).as(Grant::new)),
                Tuple.of(1, facility.map(EndEmergency::new)),
                Tuple.of(3, Arbitraries.integers().between(1, 30 * 60).map(Tick::new)));
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 50)
    @Label("CON-03 a denial wins over every later add form until a change form lifts it")
    void denialWinsUntilLifted(@ForAll("adds") List<Set<Integer>> adds) {
        World world = new World();
        world.apply(new Join(0, Set.of(0, 1)));
        world.apply(new Change(0, Set.of(0), Set.of()));
        Set<Integer> added = new HashSet<>();
        for (Set<Integer> add : adds) {
            world.apply(new Add(0, add));
            added.addAll(add);
            world.checkEveryDecision();
            assertThat(world.view.decide(AccessRequest.of(world.staff(0, AuthLevel.USER_PKI_CARD),
                    world.participantIds[0], Action.VIEW, DataKind.CENTRE_RECORD))).isEqualTo(Reason.FACILITY_DENIED);
        }
        world.apply(new Change(0, Set.of(), Set.of(0)));
        world.checkEveryDecision();
        assertThat(world.view.decide(AccessRequest.of(world.staff(0, AuthLevel.USER_PKI_CARD),
                world.participantIds[0], Action.VIEW, DataKind.CENTRE_RECORD))).isEqualTo(Reason.CONSENT_PERMITS);
    }

    @Provide
    Arbitrary<List<Set<Integer>>> adds() {
        return Arbitraries.integers().between(0, FACILITIES - 1).set().ofMinSize(1).ofMaxSize(3).list().ofMaxSize(5);
    }
}
