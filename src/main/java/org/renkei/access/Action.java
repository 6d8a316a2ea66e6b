package org.renkei.access;

/** What the person wants to do with participant data. */
public enum Action {
    /** Find participants: a search or a list. */
    FIND,
    /** Look at data. */
    VIEW,
    /** Store new data. */
    STORE,
    /** Change stored data (a new version, or entered-in-error). */
    UPDATE,
    /** Print (DOC-05). */
    PRINT,
    /** Export to a file (DOC-05). */
    EXPORT
}
