package org.renkei.facility;

/** A person a facility names on its application (FAC-03), with their post and how to reach them. */
public record FacilityPerson(Role role, String name, String post, String phone, String email) {

    public enum Role {
        /** 責任者 */
        HEAD,
        /** 管理責任者 (may be the head) */
        ADMINISTRATOR,
        /** 連絡窓口担当者 */
        CONTACT,
        /** 参加受付窓口担当者 */
        RECEPTION
    }

    public FacilityPerson {
        name = strip(name);
        post = strip(post);
        phone = strip(phone);
        email = strip(email);
    }

    boolean isBlank() {
        return name == null && post == null && phone == null && email == null;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
