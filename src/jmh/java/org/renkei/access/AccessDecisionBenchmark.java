package org.renkei.access;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.Profession;

/**
 * The in-memory part of one access decision (view look-ups and the policy, without the database's version read)
 * on a region of 1,000,000 participants and 3,000 facilities, and the heap the view takes.
 *
 * <p>Each participant permits 1–5 facilities; one in twenty also denied one or two, one in thirty withdrew. A
 * tenth of the facilities and a thirtieth of the users are not active. Half the requests come from a facility the
 * participant permitted (so the decision runs every check), half from any facility.
 *
 * <p>Run: {@code ./mvnw -Pjmh test-compile exec:exec@jmh -Djmh.args="AccessDecisionBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class AccessDecisionBenchmark {

    private static final int REQUESTS = 1 << 16;
    private static final int STAFF_PER_FACILITY = 10;

    @Param("1000000")
    int participants;

    @Param("3000")
    int facilities;

    private AccessView view;
    private AccessRequest[] requests;
    private int next;

    static UUID participant(int i) {
        return new UUID(0x5EED_0000_0000_0000L | i, mix(i));
    }

    static UUID facility(int f) {
        return new UUID(0xFAC1_0000_0000_0000L | f, mix(f + 7_000_001));
    }

    static UUID staff(int f, int s) {
        int i = f * STAFF_PER_FACILITY + s;
        return new UUID(0x57AF_0000_0000_0000L | i, mix(i + 13_000_001));
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }

    /** Participant {@code i}'s consent, the same every time it is asked for. */
    ParticipantConsent consentOf(int i) {
        var random = new SplittableRandom(mix(i));
        int count = 1 + random.nextInt(5);
        Set<UUID> permitted = new HashSet<>();
        while (permitted.size() < count) {
            permitted.add(facility(random.nextInt(facilities)));
        }
        Set<UUID> denied = new HashSet<>();
        if (random.nextInt(20) == 0) {
            int deniedCount = 1 + random.nextInt(2);
            while (denied.size() < deniedCount) {
                denied.add(facility(random.nextInt(facilities)));
            }
        }
        boolean participating = random.nextInt(30) != 0;
        return new ParticipantConsent(participant(i), participating, permitted, denied);
    }

    @Setup(Level.Trial)
    public void build() {
        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        view = new AccessView(1, participants, facilities * STAFF_PER_FACILITY);
        for (int f = 0; f < facilities; f++) {
            view.facility(facility(f), f % 10 != 0);
            for (int s = 0; s < STAFF_PER_FACILITY; s++) {
                view.staff(staff(f, s), (f * STAFF_PER_FACILITY + s) % 30 != 0);
            }
        }
        for (int i = 0; i < participants; i++) {
            view.participant(consentOf(i));
        }
        long builtIn = System.nanoTime() - started;
        long after = usedHeapAfterGc();
        System.out.printf("%nAccess view: %,d participants, %,d facilities, %,d users built in %,d ms; heap used "
                + "after full GC %,d MiB without the view, %,d MiB with it: the view takes %,d MiB (%,d bytes per "
                + "participant)%n", view.participantCount(), view.facilityCount(), facilities * STAFF_PER_FACILITY,
                builtIn / 1_000_000, before >> 20, after >> 20, (after - before) >> 20,
                (after - before) / participants);

        var random = new SplittableRandom(42);
        requests = new AccessRequest[REQUESTS];
        for (int r = 0; r < REQUESTS; r++) {
            int i = random.nextInt(participants);
            int f;
            if (random.nextBoolean()) {
                UUID[] permitted = consentOf(i).permitted().toArray(new UUID[0]);
                Arrays.sort(permitted);
                UUID chosen = permitted[random.nextInt(permitted.length)];
                f = (int) (chosen.getMostSignificantBits() & 0xFFFF_FFFFL);
            } else {
                f = random.nextInt(facilities);
            }
            int s = random.nextInt(STAFF_PER_FACILITY);
            var actor = new Actor(UUID.randomUUID(), "user", "利用者", AuthLevel.USER_PKI_CARD,
                    Actor.AccountKind.STAFF, facility(f), staff(f, s), Profession.NURSE);
            requests[r] = AccessRequest.of(actor, participant(i), Action.VIEW, DataKind.CENTRE_RECORD);
        }
        int permits = 0;
        for (AccessRequest request : requests) {
            permits += view.decide(request).permits() ? 1 : 0;
        }
        System.out.printf("Requests: %,d, of which %,d permitted%n", REQUESTS, permits);
    }

    @Benchmark
    public Reason decide() {
        AccessRequest request = requests[next++ & (REQUESTS - 1)];
        return view.decide(request);
    }

    static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
