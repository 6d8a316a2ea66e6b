package org.renkei.record.viewer;

/** Why records are printed or exported (DOC-05): the only purposes allowed. */
public enum ReleasePurpose {
    /** 診療のため. */
    CARE,
    /** 患者・家族へ渡すため. */
    HAND_TO_PATIENT
}
