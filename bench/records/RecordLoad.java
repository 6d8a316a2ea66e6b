import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Closed-loop HTTPS load with a client certificate: {@code concurrency} workers each send one request after the
 * other for {@code seconds} (after a warm-up), to URLs made from a template and random ids from a file. Prints
 * requests/s and latency percentiles. Run with {@code java RecordLoad.java …} (JDK only, no dependencies).
 *
 * <pre>java RecordLoad.java BASE_URL P12 PASSWORD IDS_FILE PATH_TEMPLATE CONCURRENCY SECONDS WARMUP_SECONDS LABEL</pre>
 * PATH_TEMPLATE contains {@code {id}}, e.g. {@code /fhir/Observation?patient=Patient/{id}&_count=20}.
 */
public class RecordLoad {

    public static void main(String[] args) throws Exception {
        if (args.length != 9) {
            System.err.println("usage: RecordLoad BASE_URL P12 PASSWORD IDS_FILE PATH_TEMPLATE CONCURRENCY SECONDS WARMUP LABEL");
            System.exit(2);
        }
        String base = args[0];
        char[] password = args[2].toCharArray();
        List<String> ids = Files.readAllLines(Path.of(args[3])).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        String template = args[4];
        int concurrency = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        int warmup = Integer.parseInt(args[7]);
        String label = args[8];

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), new TrustManager[] {new TrustingManager()}, new SecureRandom());
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        List<long[]> perWorker = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        int[] counts = new int[concurrency];
        for (int w = 0; w < concurrency; w++) {
            long[] latencies = new long[4_000_000 / concurrency];
            perWorker.add(latencies);
            int worker = w;
            Thread t = new Thread(() -> {
                int n = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        break;
                    }
                    String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + template.replace("{id}", id)))
                            .header("Accept", "application/fhir+json").GET().build();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    long done = System.nanoTime();
                    if (start >= warmEnd && n < latencies.length) {
                        latencies[n++] = done - start;
                    }
                }
                counts[worker] = n;
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(perWorker.get(w), 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        System.out.printf("%-14s concurrency %3d  %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  failed %d%n",
                label, concurrency, total / (double) seconds, pct(all, 0.50), pct(all, 0.99), pct(all, 0.999),
                failures.get());
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1_000_000.0;
    }

    /** The benchmark talks to its own server with its self-signed certificate. */
    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
