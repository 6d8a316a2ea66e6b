package org.renkei.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seals the chain at intervals ({@code renkei.audit.checkpoint-interval}): the chain's end (seq and hash) is signed
 * with the node's checkpoint key as CMS SignedData, and the signature is time-stamped (RFC 3161). A rewritten
 * chain no longer matches a checkpoint, and a checkpoint cannot be made afresh without the key and a new time.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final String CONTENT = "renkei-audit-checkpoint";

    /** A stored checkpoint. */
    record Checkpoint(long seq, byte[] hash, Instant at, byte[] signature, byte[] timestampToken) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditKeys keys;
    private final TimeStamps timeStamps;

    AuditCheckpoints(JdbcClient jdbc, Clock clock, AuditSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = AuditKeys.in(settings.directory());
        this.timeStamps = new TimeStamps(keys.tsa(), settings.tsaUrl(), clock);
    }

    @Scheduled(initialDelayString = "${renkei.audit.checkpoint-interval:PT5M}",
            fixedDelayString = "${renkei.audit.checkpoint-interval:PT5M}")
    void sealRegularly() {
        try {
            seal().ifPresent(c -> log.info("Audit chain sealed at entry {}", c.seq()));
        } catch (RuntimeException e) {
            log.error("The audit chain could not be sealed: {}", e.toString());
        }
    }

    /** Seals the chain's current end, unless it is sealed already or empty. */
    Optional<Checkpoint> seal() {
        record Head(long seq, byte[] hash) {
        }
        Head head = jdbc.sql("select seq, hash from audit_head").query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .single();
        Long sealed = jdbc.sql("select max(seq) from audit_checkpoint").query(Long.class).optional().orElse(null);
        if (head.seq() == 0 || (sealed != null && sealed >= head.seq())) {
            return Optional.empty();
        }
        Instant at = AuditChain.truncate(clock.instant());
        byte[] signature = sign(content(head.seq(), head.hash(), at));
        byte[] token = timeStamps.stamp(signature);
        int inserted = jdbc.sql("""
                insert into audit_checkpoint (seq, hash, at, signature, timestamp_token)
                values (:seq, :hash, :at, :signature, :token) on conflict (seq) do nothing""")
                .param("seq", head.seq()).param("hash", head.hash()).param("at", Timestamp.from(at))
                .param("signature", signature).param("token", token).update();
        return inserted == 0 ? Optional.empty()
                : Optional.of(new Checkpoint(head.seq(), head.hash(), at, signature, token));
    }

    /** The chain's end now: its seq and hash. */
    AuditWitness.Head head() {
        return jdbc.sql("select seq, hash from audit_head")
                .query((rs, n) -> new AuditWitness.Head(rs.getLong(1), rs.getBytes(2), null)).single();
    }

    /** The last checkpoint, if any. */
    Optional<Checkpoint> latest() {
        return jdbc.sql("select seq, hash, at, signature, timestamp_token from audit_checkpoint order by seq desc"
                + " limit 1")
                .query((rs, n) -> new Checkpoint(rs.getLong("seq"), rs.getBytes("hash"),
                        rs.getTimestamp("at").toInstant(), rs.getBytes("signature"), rs.getBytes("timestamp_token")))
                .optional();
    }

    /**
     * Whether the checkpoint is genuine: its signature by the checkpoint key covers exactly its seq, hash and
     * time, and its time stamp covers exactly that signature. Says nothing yet of whether the chain matches it.
     */
    boolean genuine(Checkpoint checkpoint) {
        try {
            CMSSignedData signed = new CMSSignedData(checkpoint.signature());
            byte[] signedContent = (byte[]) signed.getSignedContent().getContent();
            if (!Arrays.equals(signedContent, content(checkpoint.seq(), checkpoint.hash(), checkpoint.at()))) {
                return false;
            }
            X509CertificateHolder trusted = new JcaX509CertificateHolder(keys.signer().certificate());
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return false;
            }
            SignerInformation signer = signers.iterator().next();
            if (!signer.getSID().match(trusted)
                    || !signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(trusted))) {
                return false;
            }
            return timeStamps.verify(checkpoint.timestampToken(), checkpoint.signature());
        } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
            return false;
        }
    }

    static byte[] content(long seq, byte[] hash, Instant at) {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return (CONTENT + "|" + seq + "|" + HexFormat.of().formatHex(hash) + "|" + micros)
                .getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] sign(byte[] content) {
        try {
            AuditKeys.Key signer = keys.signer();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.privateKey()),
                            signer.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
        } catch (CMSException | OperatorCreationException | CertificateException | IOException e) {
            throw new IllegalStateException("the checkpoint could not be signed", e);
        }
    }
}
