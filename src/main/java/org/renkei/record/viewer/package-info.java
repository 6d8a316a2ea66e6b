/**
 * The staff's pages of the shared records: a participant's timeline across facilities with what is new since the
 * user last looked (DOC-06), the lab table with trend charts, the medication history, letters and attachments,
 * and printing and exporting (DOC-05). Everything is read through {@link org.renkei.record.SharedRecords}.
 */
package org.renkei.record.viewer;
