package org.renkei.identity;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.DirectoryString;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectDirectoryAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * What an HPKI certificate (医師資格証, 薬剤師資格証) says beyond plain X.509: the holder's healthcare role in
 * subjectDirectoryAttributes (ISO 17090 hcRole, coded with the HPKI role scheme) and the HPKI certificate policy.
 * Read with Bouncy Castle's ASN.1 classes.
 */
final class Hpki {

    /** ISO/TS 17090 hcRole attribute. */
    static final ASN1ObjectIdentifier HC_ROLE = new ASN1ObjectIdentifier("1.0.17090.0.1");
    /** The HPKI coding scheme of healthcare roles. */
    static final ASN1ObjectIdentifier ROLE_SCHEME = new ASN1ObjectIdentifier("1.2.392.100495.1.6.1.1");
    /** Certificate policy of HPKI signing certificates. */
    static final ASN1ObjectIdentifier SIGNING_POLICY = new ASN1ObjectIdentifier("1.2.392.100495.1.5.1.1.0.1");

    static final String MEDICAL_DOCTOR = "Medical Doctor";
    static final String PHARMACIST = "Pharmacist";

    private Hpki() {
    }

    /** The profession an HPKI role names, when Renkei knows it. */
    static Optional<Profession> profession(String role) {
        return switch (role) {
            case MEDICAL_DOCTOR -> Optional.of(Profession.DOCTOR);
            case PHARMACIST -> Optional.of(Profession.PHARMACIST);
            case "Dentist" -> Optional.of(Profession.DENTIST);
            default -> Optional.empty();
        };
    }

    /** The HPKI role of a profession that logs in with an HPKI card (USR-02). */
    static Optional<String> role(Profession profession) {
        return switch (profession) {
            case DOCTOR -> Optional.of(MEDICAL_DOCTOR);
            case PHARMACIST -> Optional.of(PHARMACIST);
            default -> Optional.empty();
        };
    }

    /** Whether one of the certificate's HPKI roles is the one of this profession. */
    static boolean fits(X509Certificate certificate, Profession profession) {
        return role(profession).filter(roles(certificate)::contains).isPresent();
    }

    /** Whether one of these HPKI roles (of a certificate, {@link #roles}) is the one of this profession. */
    static boolean fits(List<String> roles, Profession profession) {
        return role(profession).filter(roles::contains).isPresent();
    }

    /**
     * The healthcare roles in the certificate's subjectDirectoryAttributes coded with the HPKI role scheme:
     * {@code SET OF HCActor}, each {@code SEQUENCE { [0] SET { [0] codingScheme OID, [2] role } }}. Empty when
     * there are none or the extension cannot be read.
     */
    static List<String> roles(X509Certificate certificate) {
        List<String> roles = new ArrayList<>();
        try {
            Extension extension = holder(certificate).getExtension(Extension.subjectDirectoryAttributes);
            if (extension == null) {
                return roles;
            }
            var attributes = SubjectDirectoryAttributes.getInstance(extension.getParsedValue());
            for (Object element : attributes.getAttributes()) {
                Attribute attribute = Attribute.getInstance(element);
                if (!HC_ROLE.equals(attribute.getAttrType())) {
                    continue;
                }
                for (ASN1Encodable actorData : attribute.getAttrValues()) {
                    for (ASN1Encodable actor : ASN1Set.getInstance(actorData)) {
                        for (ASN1Encodable field : ASN1Sequence.getInstance(actor)) {
                            ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(field);
                            if (tagged.getTagNo() == 0) {
                                codedRole(ASN1Set.getInstance(tagged, true)).ifPresent(roles::add);
                            }
                        }
                    }
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a malformed extension names no role
        }
        return roles;
    }

    private static Optional<String> codedRole(ASN1Set codedData) {
        ASN1ObjectIdentifier scheme = null;
        String text = null;
        for (ASN1Encodable element : codedData) {
            ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(element);
            if (tagged.getTagNo() == 0) {
                scheme = ASN1ObjectIdentifier.getInstance(tagged, true);
            } else if (tagged.getTagNo() == 2) {
                text = DirectoryString.getInstance(tagged, true).getString();
            }
        }
        return ROLE_SCHEME.equals(scheme) && text != null ? Optional.of(text) : Optional.empty();
    }

    /** The certificate policies the certificate names (OIDs in dotted form). */
    static List<String> policies(X509Certificate certificate) {
        List<String> policies = new ArrayList<>();
        try {
            Extension extension = holder(certificate).getExtension(Extension.certificatePolicies);
            if (extension != null) {
                for (PolicyInformation policy : CertificatePolicies.getInstance(extension.getParsedValue())
                        .getPolicyInformation()) {
                    policies.add(policy.getPolicyIdentifier().getId());
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a malformed extension names no policy
        }
        return policies;
    }

    /** An HPKI signing certificate: the HPKI signing policy and key usage nonRepudiation. */
    static boolean isSigningCertificate(X509Certificate certificate) {
        return policies(certificate).contains(SIGNING_POLICY.getId()) && CardCertificates.signingOf(certificate);
    }

    /** The subjectDirectoryAttributes value naming one HPKI role, as HPKI certificates encode it. */
    static SubjectDirectoryAttributes roleAttributes(String role) {
        var codedData = new DERSet(new ASN1Encodable[] {
                new DERTaggedObject(true, 0, ROLE_SCHEME),
                new DERTaggedObject(true, 2, new DERUTF8String(role))});
        var actor = new DERSequence(new DERTaggedObject(true, 0, codedData));
        var attribute = new Attribute(HC_ROLE, new DERSet(new DERSet(actor)));
        return new SubjectDirectoryAttributes(new java.util.Vector<>(List.of(attribute)));
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate could not be encoded", e);
        }
    }
}
