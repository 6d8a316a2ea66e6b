/**
 * Shared records (共有情報, DOC-01…DOC-06): what member facilities store about participants — letters and
 * discharge summaries as FHIR document Bundles, test results, prescriptions, dispensing records, diagnoses,
 * allergies, care notes and attachments — with every version, the storing facility and user, and whether a
 * record is a signed original or a copy (DOC-03). Every read, search, print and export asks the access decision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared records")
package org.renkei.record;
