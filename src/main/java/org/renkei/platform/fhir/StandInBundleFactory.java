package org.renkei.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.hapi.rest.server.R4BundleFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * HAPI's R4 bundle factory, except for a search page made only of {@link PreEncodedJson#inPlaceOf stand-ins}: HAPI
 * walks every element of every entry's resource looking for references that carry a resource to include, and a
 * stand-in, which holds only its id and {@code meta}, has none — so its entries are made here without the walk, as
 * HAPI makes them (full URL, search mode). Anything else (a resource with content, a history or transaction answer)
 * is left to HAPI.
 */
final class StandInBundleFactory extends R4BundleFactory {

    private final FhirContext context;
    private String serverBase;

    StandInBundleFactory(FhirContext context) {
        super(context);
        this.context = context;
    }

    /** The server's FHIR context: HAPI's R4 context with this bundle factory. */
    static FhirContext serverContext() {
        return new FhirContext(FhirVersionEnum.R4) {
            @Override
            public IVersionSpecificBundleFactory newBundleFactory() {
                return new StandInBundleFactory(this);
            }
        };
    }

    @Override
    public void addRootPropertiesToBundle(String id, BundleLinks links, Integer total,
            IPrimitiveType<Date> lastUpdated) {
        serverBase = links.serverBase;
        super.addRootPropertiesToBundle(id, links, total, lastUpdated);
    }

    @Override
    public void addResourcesToBundle(List<IBaseResource> result, BundleTypeEnum type, String base,
            BundleInclusionRule inclusionRule, Set<Include> includes) {
        if (type != BundleTypeEnum.SEARCHSET || result.isEmpty() || !result.stream().allMatch(this::plainStandIn)) {
            super.addResourcesToBundle(result, type, base, inclusionRule, includes);
            return;
        }
        super.addResourcesToBundle(List.of(), type, base, inclusionRule, includes);
        Bundle bundle = (Bundle) getResourceBundle();
        for (IBaseResource resource : result) {
            Bundle.BundleEntryComponent entry = bundle.addEntry().setResource((Resource) resource);
            IIdType id = resource.getIdElement();
            if (id.hasBaseUrl()) {
                entry.setFullUrl(id.toVersionless().getValue());
            } else if (serverBase != null && !serverBase.isBlank() && id.hasIdPart()) {
                entry.setFullUrl(id.withServerBase(serverBase, context.getResourceType(resource)).toVersionless()
                        .getValue());
            }
            BundleEntrySearchModeEnum searchMode = ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.get(resource);
            if (searchMode != null) {
                entry.getSearch().getModeElement().setValueAsString(searchMode.getCode());
            }
        }
    }

    /** A stand-in without a transaction method or a search score (HAPI writes those into its entry). */
    private boolean plainStandIn(IBaseResource resource) {
        return PreEncodedJson.standIn(resource)
                && ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.get(resource) == null
                && ResourceMetadataKeyEnum.ENTRY_SEARCH_SCORE.get(resource) == null;
    }
}
