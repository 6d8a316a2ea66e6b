package org.renkei.consent;

import java.util.LinkedHashSet;
import java.util.Set;
import org.renkei.facility.FacilityId;

/**
 * A participant's registered consent at one moment: whether they take part, the facilities they permitted and
 * the facilities they said not to share with. Pure: every registered form moves it to a new state (CON-02…CON-06),
 * and nothing else does.
 *
 * @param participating false once the participant withdrew (CON-06)
 * @param permitted the facilities listed on the new and add forms (CON-02, CON-04)
 * @param denied the "do not share" facilities of change forms (CON-03, CON-05); a denial wins over a permission
 */
public record ConsentState(boolean participating, Set<FacilityId> permitted, Set<FacilityId> denied) {

    /** Before any registered form. */
    public static final ConsentState NONE = new ConsentState(false, Set.of(), Set.of());

    public ConsentState {
        permitted = Set.copyOf(permitted);
        denied = Set.copyOf(denied);
    }

    /**
     * Whether the participant's consent lets this facility see their shared records: taking part, the facility
     * permitted and not denied (CON-02, CON-03). Whether the facility itself is active is the access decision's
     * question, not the consent's.
     */
    public boolean permits(FacilityId facility) {
        return participating && permitted.contains(facility) && !denied.contains(facility);
    }

    /** A new consent form registered (PAR-01): taking part, with exactly the listed facilities permitted. */
    public ConsentState joined(Set<FacilityId> listed) {
        return new ConsentState(true, listed, Set.of());
    }

    /**
     * An add form registered (CON-04): the facilities are permitted. A facility the participant said not to share
     * with stays denied (a denial wins, CON-03); only a change form lifts a denial.
     */
    public ConsentState added(Set<FacilityId> facilities) {
        var p = new LinkedHashSet<>(permitted);
        p.addAll(facilities);
        return new ConsentState(participating, p, denied);
    }

    /**
     * A change form registered (CON-03, CON-05): facilities newly marked "do not share", and denials the patient
     * lifted (which share again only if the facility is also permitted).
     */
    public ConsentState changed(Set<FacilityId> deny, Set<FacilityId> lift) {
        var d = new LinkedHashSet<>(denied);
        d.removeAll(lift);
        d.addAll(deny);
        return new ConsentState(participating, permitted, d);
    }

    /** A withdrawal registered (CON-06): sharing stops everywhere; the lists are kept for the history. */
    public ConsentState withdrawn() {
        return new ConsentState(false, permitted, denied);
    }
}
